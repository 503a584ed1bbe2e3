import type { NameMatch } from './name-score.ts';

/** Highest band a name may reach on its own (see CALIBRATION.md, "Names that cannot decide alone"). */
export const CEIL_BELOW = 0;
export const CEIL_REVIEW = 1;
export const CEIL_NONE = 2;
/**
 * A match resting on this many letters or fewer is an acronym coincidence as often as not: two letters ("3M",
 * "HP") never reach review alone; three reach review only as the whole list name, and for an organisation only
 * as the whole query too ("ANZ Group Holdings" on "LLC ANZ" is not) with legal forms of one jurisdiction family
 * or none on either side ("VMK OOO" on "LLC VMK", "ACB" on "ACB"): "NEC Corporation" on "JSC NEC", "UCB SA" on
 * "UCB JSC" or "AMD Inc." on "AMD" needs an agreeing field (issue 19). Never block without an identifier. See
 * CALIBRATION.md for what each choice cost.
 */
const TINY_MATCH_CHARS = 2;
const SHORT_MATCH_CHARS = 3;
/** A match resting on one word this short cannot block alone ("Intel", "Volvo" are shared by many firms). */
const ONE_WORD_BLOCK_CHARS = 5;
/**
 * A match resting on one word of at most this many letters that is only alike (a typo, a sound-alike, a Latin
 * spelling variant: "Tesco"/"Texco", "Safran"/"Sairan", "Bayer"/"Bajer", "Dow"/"Dov") is a different firm as
 * often as not: it reaches review only with an agreeing field. Longer words keep their graded similarity.
 */
const ONE_ALIKE_WORD_CHARS = 6;

/** Why a ceiling holds: each reason has its ceiling and the words the explanation gives. */
export const CEILING_REASONS = [
  { ceiling: CEIL_NONE, text: '' },
  { ceiling: CEIL_BELOW, text: 'rests on 2 letters or fewer: below review unless another field agrees' },
  { ceiling: CEIL_BELOW, text: 'rests on 3 letters: below review unless another field agrees' },
  {
    ceiling: CEIL_BELOW,
    text: 'common given and family name inside a longer listed name: below review unless another field agrees',
  },
  {
    ceiling: CEIL_BELOW,
    text: 'rests on one short word that is only alike: below review unless another field agrees',
  },
  {
    ceiling: CEIL_BELOW,
    text: 'one distinctive word inside a longer listed name: below review unless another field agrees',
  },
  {
    ceiling: CEIL_BELOW,
    text: 'rests on one glued pair that is also misspelt: below review unless another field agrees',
  },
  { ceiling: CEIL_REVIEW, text: 'rests on 3 letters: cannot block without an identifier' },
  { ceiling: CEIL_REVIEW, text: 'weak alias: cannot block unless another field agrees' },
  { ceiling: CEIL_REVIEW, text: 'rests on one short word: cannot block unless another field agrees' },
  {
    ceiling: CEIL_REVIEW,
    text: 'a generic word of kind (bank, holding, plant) left unmatched: cannot block unless another field agrees',
  },
  {
    ceiling: CEIL_BELOW,
    text: 'common given and family name only partly matched: below review unless another field agrees',
  },
  {
    ceiling: CEIL_REVIEW,
    text: 'one distinctive word and its kind inside a longer listed name: cannot block unless another field agrees',
  },
] as const;
const R_NONE = 0;
const R_TINY = 1;
const R_SHORT = 2;
const R_COMMON_IN_LONGER = 3;
const R_ONE_ALIKE = 4;
const R_ONE_CORE_IN_LONGER = 5;
const R_LOOSE_GLUED = 6;
const R_SHORT_WHOLE = 7;
const R_WEAK = 8;
const R_ONE_SHORT_WORD = 9;
const R_KIND_LEFT = 10;
const R_COMMON_PARTLY = 11;
const R_ONE_CORE_KIND_IN_LONGER = 12;

export const isShortMatch = (chars: number) => chars <= SHORT_MATCH_CHARS;

/** What the aligned name rests on (name-score.ts counts it). */
export interface MatchShape {
  /** Letters of the query words matched, in `pairs` pairs (initials apart). */
  chars: number;
  pairs: number;
  /** Pairs holding a core (non-generic) query word of an organisation name (org-generic.ts). */
  corePairs: number;
  /** Letters of the core query words matched. */
  coreChars: number;
  weak: boolean;
  /** A list word (not an initial) was left unmatched. */
  listLeftOver: boolean;
  /** Organisations: a list word of 3+ letters, not a seat or an honoured name, was left unmatched. */
  listLeftOverWord: boolean;
  /** Every pair is only alike (a typo, a sound-alike, a glued pair), none the same word. */
  onlyAlike: boolean;
  /** Every core pair is only alike. */
  onlyAlikeCore: boolean;
  /** A person's common given and family name found inside a longer listed name (common-names.ts). */
  commonInLonger: boolean;
  /** A person's common given and family name with a query word left unmatched ("Choi Su-bin" on "Su Bin"). */
  commonPartly: boolean;
  /** An organisation's (or vessel's) name: acronyms and one-word cores are held harder. */
  org: boolean;
  /** A query word (not an initial) was left unmatched: "ANZ Group Holdings" on "LLC ANZ". */
  queryLeftOver: boolean;
  /** Organisations: a generic word of kind is left unmatched on either side ("Zephyr Orchid Holdings"). */
  kindLeftOver: boolean;
  /** Query and list name have legal forms of one jurisdiction family, or neither has one (legal-forms.ts). */
  sameLegal: boolean;
  /** The only pair is a glued pair that also needed an edit ("Micron Technology"/"Microtechnology"). */
  looseGlued: boolean;
  /** Organisations: a query word of kind ("design bureau", not of status) is matched, none left on either side. */
  kindFound?: boolean;
  /** Some pair is two words against one, spelled alike ("YASAIR"/"YAS AIR"); absent: none. */
  glued?: boolean;
}

/** The reason (index into CEILING_REASONS) a name is held, or 0 when it is not. */
export function ceilingReason(s: MatchShape): number {
  if (s.chars <= TINY_MATCH_CHARS) return R_TINY;
  if (s.chars <= SHORT_MATCH_CHARS && (s.listLeftOver || (s.org && (s.queryLeftOver || !s.sameLegal))))
    return R_SHORT;
  // "Maxim Smirnov" in "SMIRNOV, Maxim Yuryevich": thousands of people hold the two common names typed.
  if (s.commonInLonger) return R_COMMON_IN_LONGER;
  if (s.commonPartly) return R_COMMON_PARTLY;
  if (s.pairs === 1 && s.onlyAlike && s.chars <= ONE_ALIKE_WORD_CHARS) return R_ONE_ALIKE;
  if (s.org) {
    // "StoneX Group" on "STANEX GROUP": the one core word is only alike; the generic word proves nothing.
    if (s.corePairs === 1 && s.onlyAlikeCore && s.coreChars <= ONE_ALIKE_WORD_CHARS) return R_ONE_ALIKE;
    // "Target Corporation" on "TARGET ELECTRONICS", "Yandex" on "JSC Yandex Bank": one word of a longer name. But
    // "Makeyev Design Bureau" on "MAKEYEV ROCKET DESIGN BUREAU" says what kind of body it is, and the list agrees:
    // the list's extra word describes the same body, an officer looks (org-kind-found.ts).
    if (s.corePairs <= 1 && s.listLeftOverWord)
      return s.kindFound ? R_ONE_CORE_KIND_IN_LONGER : R_ONE_CORE_IN_LONGER;
    if (s.pairs === 1 && s.looseGlued) return R_LOOSE_GLUED;
  }
  if (s.chars <= SHORT_MATCH_CHARS) return R_SHORT_WHOLE;
  if (s.weak) return R_WEAK;
  // A glued pair of 6 letters ("YASAIR" on "YAS AIR") is the same letters, but as short as one word.
  if (s.pairs === 1 && s.chars <= (s.glued ? ONE_ALIKE_WORD_CHARS : ONE_WORD_BLOCK_CHARS))
    return R_ONE_SHORT_WORD;
  // Generic words weigh little (org-generic.ts), so a missing "Holdings" or "Bank" costs little: a review, where
  // an officer tells the group from its member, not a block.
  if (s.kindLeftOver) return R_KIND_LEFT;
  return R_NONE;
}

/**
 * The name score as far as the name alone may carry it: a ceiling below review, or below block, lifted one
 * step when another field (identifier, country, birth date) agrees, but never above review for a match resting
 * on 3 letters (a strong identifier still lifts any name, in finalize.ts).
 */
export function capByCeiling(
  score: number,
  m: Pick<NameMatch, 'ceiling' | 'short'> | null,
  corroborated: boolean,
  t: { review: number; block: number },
): number {
  if (!m) return score;
  const ceiling = Math.min(m.short ? CEIL_REVIEW : CEIL_NONE, m.ceiling + (corroborated ? 1 : 0));
  if (ceiling === CEIL_BELOW) return Math.min(score, t.review - 0.01);
  if (ceiling === CEIL_REVIEW) return Math.min(score, t.block - 0.01);
  return score;
}
