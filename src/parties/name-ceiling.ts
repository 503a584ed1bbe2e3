import type { NameMatch } from './name-score.ts';

/** Highest band a name may reach on its own (see CALIBRATION.md, "Names that cannot decide alone"). */
export const CEIL_BELOW = 0;
export const CEIL_REVIEW = 1;
export const CEIL_NONE = 2;
/**
 * A match resting on this many letters or fewer is an acronym coincidence as often as not: two letters ("3M",
 * "HP") never reach review alone; three ("NEC", "VMK") reach review only when they are the whole list name,
 * never block ("AMD" against "AMD CO. LTD AGENCY" leaves a list word unexplained). Holding three-letter names
 * below review as well was measured (eval:match seed 1): 19 of the lists' own weak aliases (often acronyms)
 * were lost for 0.3 points of clean-name false hits, so a whole three-letter name still reaches review.
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

export const isShortMatch = (chars: number) => chars <= SHORT_MATCH_CHARS;

/**
 * The ceiling of one aligned name: `chars` letters of query words matched in `pairs` pairs (initials apart),
 * whether the list name is a weak alias, and whether a list word was left unmatched.
 */
export function nameCeiling(
  chars: number,
  pairs: number,
  weak: boolean,
  listLeftOver: boolean,
  onlyAlike = false,
  commonInLonger = false,
): number {
  if (chars <= TINY_MATCH_CHARS || (chars <= SHORT_MATCH_CHARS && listLeftOver)) return CEIL_BELOW;
  // "Maxim Smirnov" in "SMIRNOV, Maxim Yuryevich": thousands of people hold the two common names typed.
  if (commonInLonger) return CEIL_BELOW;
  if (pairs === 1 && onlyAlike && chars <= ONE_ALIKE_WORD_CHARS) return CEIL_BELOW;
  if (weak || chars <= SHORT_MATCH_CHARS || (pairs === 1 && chars <= ONE_WORD_BLOCK_CHARS))
    return CEIL_REVIEW;
  return CEIL_NONE;
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
