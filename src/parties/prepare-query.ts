import { articleGlueLinks } from './article-glue.ts';
import { rarity } from './background-rarity.ts';
import { camelApart } from './camel-case.ts';
import { isCommonPersonName, isNameParticle } from './common-names.ts';
import type { CpuBudget } from './cpu-budget.ts';
import { forEachDeletionHash } from './deletions.ts';
import { digitsAsLetters } from './digit-letters.ts';
import { dottedApart } from './dotted-glue.ts';
import { linkSimilarity } from './edit-distance.ts';
import { frameLinks } from './frame-index.ts';
import { initialsApart } from './glued-initials.ts';
import {
  ANCESTOR_FACTOR,
  delFirst,
  GENERIC_FACTOR,
  INITIAL_WEIGHT,
  type IndexData,
  PATRONYMIC_FACTOR,
  TAIL_FACTOR,
  TITLE_FACTOR,
} from './index-data.ts';
import { IndexMemo } from './index-memo.ts';
import { initialsOnCommonNames } from './initials-found.ts';
import { legalFamilies, typedLegal } from './legal-forms.ts';
import { nasabRanks } from './name-structure.ts';
import { nameForms } from './nicknames.ts';
import { acronymCandidates } from './org-acronym.ts';
import { PLACE_FORM_SIM, placeFormLinks } from './org-place-forms.ts';
import { orgWordForms } from './org-words.ts';
import { compoundLinks, readingLinks } from './query-readings.ts';
import { mayBeAcronym, referenceCode } from './reference-code.ts';
import { skeleton } from './skeleton.ts';
import type { Steps } from './slices.ts';
import { lightHash, ROMANISED, romanised, SIM_KINDS, wordHash } from './spelling.ts';
import {
  ANCESTOR,
  FAMILY,
  GENERIC,
  GIVEN,
  glueKey,
  INITIAL,
  MAX_TOKEN_CHARS,
  type NameTokens,
  PATRONYMIC,
  TAIL,
  TITLE,
  tokenizeName,
} from './tokenize.ts';
import { toAscii } from './translit.ts';
import { tripleGlueKeys } from './triple-glue.ts';
import { typoLinks } from './typo-links.ts';
import { unvowelledLinks } from './unvowelled.ts';
import { breakGluedTokens } from './word-break.ts';

/** Query-side glued pairs score a little below a plain equal token, so an exact name stays the best match. */
export const GLUE_SIM = 0.97;
/** A nickname and the name it stands for are the same person more often than not, but not always. */
export const NICKNAME_SIM = 0.9;
/** "Airlines" for "Air" is the same name written out; still a notch below the same spelling. */
export const ORG_WORD_SIM = 0.95;

const KIND_VARIANT = SIM_KINDS.indexOf('variant');
const KIND_PLACE_FORM = SIM_KINDS.indexOf('place form');
const KIND_UNVOWELLED = SIM_KINDS.indexOf('unvowelled');
/** A person's short or full form this short must be spelled as the table has it to link (see prepareName). */
const MIN_FORM_EDIT_CHARS = 6;

export interface Link {
  /** Query-side bit mask (one bit per token, two for a glued pair). */
  mask: number;
  sim: number;
  /** How the words are alike when it is not the edit distance of their skeletons (SIM_KINDS index). */
  kind?: number;
}

export interface PreparedName {
  raw: string;
  skels: string[];
  /** Plain ASCII words, their hashes and light-fold hashes (spelling.ts), to grade skeleton-equal links. */
  words: string[];
  wordHash: Uint32Array;
  lightHash: Uint32Array;
  flags: number[];
  /** Each token's generation along a nasab chain (name-structure.ts), or null when the name has none. */
  nasab: Int8Array | null;
  weights: Float64Array;
  totalWeight: number;
  /** Vocabulary id → the query elements it is linked to. */
  links: Map<number, Link[]>;
  /** Positions that are initials, or only linked to common tokens: may match without a rare posting. */
  unfetchedMask: number;
  allMask: number;
  /** Sorted skeletons when the name has 2+ core tokens (exact full-name lookup). */
  fullKey: string | null;
  /** The families of the name's legal form (legal-forms.ts legalFamilies; 0: none). */
  legal: number;
  /** Read as a person's name (else an organisation's, a vessel's or an aircraft's). */
  person: boolean;
  /** A person's name of common given name(s) and a common surname only (common-names.ts). */
  commonName: boolean;
  /** Positions of a person's given name and family name (tokenize.ts GIVEN, FAMILY); 0 for other names. */
  givenMask: number;
  familyMask: number;
  /** Initials and surname particles ("al", "van"): no rule asks for them to be matched. */
  minorMask: number;
  /** Surname particles alone ("al", "el", "van"), aligned after the other words (name-score.ts). */
  particleMask: number;
  /** An organisation's words that may be acronyms of list words (org-acronym.ts); 0 for a person's name. */
  acronymMask: number;
  /** A reference code typed beside the name and set apart from it (reference-code.ts), or null. */
  code: string | null;
  /** A word typed without spaces split one way among others as likely (written-break.ts): review at most. */
  ambiguousBreak: boolean;
  /** Initials beside common person names only ("ZHOU J."): below review on the name alone (initials-found.ts). */
  initialsCommon: boolean;
  /** A person's reading of a name of unknown kind only shaped as one (person-shape.ts): scored on listed persons only. */
  personsOnly: boolean;
}

/**
 * How links are found: through the deletion index, or (for the reference full scan) against every word. `limit`
 * is the most edits a link may take.
 */
export type LinkFinder = (d: IndexData, skel: string, limit: number) => Map<number, number>;

/**
 * Edits a glued pair may differ by. A pair's key is up to 40 letters, whose two-deletion neighbourhood is 780
 * strings against 40 for one deletion; in the worst-case corpus (bench/worst-case.ts) glued keys were most of
 * a party's time. A glued pair with a typo as well is rare (eval:match's glued-split figures are unchanged).
 */
const GLUE_MAX_EDITS = 1;
/** Letters of the word an initial is glued back onto (5+ letters in all: "M ASRI" → "masri"). */
const MIN_SPLIT_REST = 4;

const findIndexLinks: LinkFinder = (d, skel, limit) => {
  const out = new Map<number, number>();
  const exact = d.vocabMap.get(skel);
  if (exact !== undefined) out.set(exact, 1);
  // A vocabulary word already compared is skipped, so a hash that comes twice costs one probe.
  const seen = new Set<number>();
  forEachDeletionHash(
    skel,
    (h) => {
      const first = delFirst(d, h);
      if (first < 0) return;
      for (let i = first; i < d.delHash.length && d.delHash[i] === h; i++) {
        const v = d.delVocab[i]!;
        if (seen.has(v)) continue;
        seen.add(v);
        const sim = linkSimilarity(skel, d.vocab[v]!, limit);
        if (sim > 0) out.set(v, sim);
      }
    },
    limit,
  );
  return out;
};

/**
 * A token's links depend only on the token, the edit limit and the index, and names share tokens (given
 * names, surnames, "trading", "logistics", legal forms): a bounded memo per index (index-memo.ts) skips the
 * deletion neighbourhood for tokens seen before. Callers only read the returned maps.
 */
const LINK_CACHE_MAX = 20_000;
const linkMemo = new IndexMemo(findIndexLinks, LINK_CACHE_MAX);

// '~' is never in a skeleton: keys of a lower limit cannot meet a token's own.
export const indexLinks: LinkFinder = (d, skel, limit) =>
  linkMemo.get(d, limit < 2 ? `${limit}~${skel}` : skel, skel, limit);

/**
 * The query's words; an organisation's core word that no list uses and is one slip from a long legal-form word
 * ("Corporatwon", "Partnrship") is read as that legal form (legal-forms.ts typedLegal), and the name read again.
 */
function tokenizeQuery(d: IndexData, raw: string, person: boolean): NameTokens {
  const t = tokenizeName(raw, person, true);
  if (person) return t;
  const spell = (s: string) => {
    const v = d.vocabMap.get(s);
    return v !== undefined && d.df[v]! > 0 ? s : typedLegal(s);
  };
  return t.skels.some((s) => spell(s) !== s) ? tokenizeName(raw, person, true, spell) : t;
}

/**
 * typoLinks per typed word, memoised beside the index's links (the same bound, the same reasons). The deletion
 * index's lookups inside are not memoised, so a query's many slip forms do not push the common tokens out.
 */
const typoMemo = new IndexMemo(
  (d: IndexData, word: string, skel: string) => typoLinks(d, word, skel, findIndexLinks),
  LINK_CACHE_MAX,
);

function typoFor(d: IndexData, word: string, skel: string, find: LinkFinder): Map<number, number> {
  // The reference full scan has no memo.
  if (find !== indexLinks) return typoLinks(d, word, skel, find);
  // A split word's pieces come as their skeletons (word-break.ts): the key holds both.
  return typoMemo.get(d, word === skel ? word : `${word}~${skel}`, word, skel);
}

/** Computes over `to` the `most` keys each link memo was asked for most on `from` (index-memo.ts). */
export function* warmLinkMemos(from: IndexData, to: IndexData, most: number): Steps<number> {
  return (yield* linkMemo.warmSteps(from, to, most)) + (yield* typoMemo.warmSteps(from, to, most));
}

/**
 * Slip lookups (typo-links.ts, ~50-150 µs a word) per party, name and aliases together: a real party has a few
 * words no list has; a pathological one (bench:worst: 21 names of 16 invented words) would otherwise spend its
 * CPU share on them and be cut short.
 */
export const MAX_SLIP_WORDS = 8;
/** Longer words get two skeleton edits already, which absorbs what one slip's folds add. */
const MAX_SLIP_CHARS = 16;
export interface SlipAllowance {
  left: number;
}

/**
 * A token's own links and its slips' (the better similarity of the two), without touching the cached map. A word
 * that is itself a common listed word ("trading", "Ivan") is read as that word; a rare one may be a slip that
 * landed on another word ("Diital" folds to "dital", a listed word; it stands for "Digital").
 */
function withSlips(
  d: IndexData,
  word: string,
  skel: string,
  find: LinkFinder,
  allowance: SlipAllowance,
): Map<number, number> {
  const own = find(d, skel, 2);
  const v = d.vocabMap.get(skel);
  const common = v !== undefined && d.postStart[v + 1]! - d.postStart[v]! > d.rareCap;
  if (common || word.length > MAX_SLIP_CHARS || allowance.left <= 0) return own;
  allowance.left--;
  const slips = typoFor(d, word, skel, find);
  if (slips.size === 0) return own;
  const out = new Map(own);
  for (const [v, sim] of slips) if ((out.get(v) ?? 0) < sim) out.set(v, sim);
  return out;
}

export const bruteLinks: LinkFinder = (d, skel, limit) => {
  const out = new Map<number, number>();
  for (let v = 0; v < d.vocab.length; v++) {
    const w = d.vocab[v]!;
    if (w === skel) out.set(v, 1);
    else if (d.df[v]! > 0) {
      const sim = linkSimilarity(skel, w, limit);
      if (sim > 0) out.set(v, sim);
    }
  }
  return out;
};

const NO_LINKS = { common: false, bestDf: -1 };

export function prepareName(
  d: IndexData,
  raw: string,
  person: boolean,
  find: LinkFinder,
  budget?: CpuBudget,
  /** Link Arabic romanisation variants (arabic-frames.ts): persons, and names whose kind is not known. */
  arabicFamilies = person,
  /** Words of the party still allowed a slip lookup (typo-links.ts); shared by all of a party's names. */
  slips: SlipAllowance = { left: MAX_SLIP_WORDS },
  /** Keep three letters a firm's reading sets apart as a code: they may be its acronym (reference-code.ts). */
  keepAcronym = false,
): PreparedName | null {
  // A reference code beside the name is no part of it (reference-code.ts); a word typed without spaces is cut
  // where its capitals begin words (camel-case.ts); other scripts' readings and unspaced names split into words:
  // see query-readings.ts, word-break.ts.
  // A digit typed for a look-alike letter ("Ig0r") is read as that letter first (digit-letters.ts); a dotted
  // legal form typed onto its word is set apart from it (dotted-glue.ts).
  const read = digitsAsLetters(raw, (w) => listedExactly(d, w));
  const found = referenceCode(d, read, person);
  // The reading that keeps them is wanted only where a reading set them apart.
  if (keepAcronym && (found === null || !mayBeAcronym(found, person))) return null;
  const apart = keepAcronym ? null : found;
  const typed = camelApart(
    initialsApart(
      dottedApart(apart?.name ?? read, (w) => listedExactly(d, w)),
      person,
      (w) => listedExactly(d, w),
    ),
    (w) => writtenLinks(d, w, find),
  );
  const t = breakGluedTokens(d, tokenizeQuery(d, typed, person), find, !person);
  const n = t.skels.length;
  if (n === 0) return null;
  const names = d.nameEntity.length;
  const fromScript = romanised(raw);
  const links = new Map<number, Link[]>();
  const weights = new Float64Array(n);
  let unfetchedMask = 0;
  // Any position linked to a common word may match through a posting list we never read, so the
  // retrieval bound must treat it as possibly matched.
  const addLinks = (
    skel: string,
    mask: number,
    scale: number,
    limit = 2,
    found = find(d, skel, limit),
    kind?: number,
  ): { common: boolean; bestDf: number } => {
    let common = false;
    let bestDf = -1;
    let bestSim = 0;
    for (const [v, sim] of found) {
      const list = links.get(v);
      const link: Link = kind === undefined ? { mask, sim: sim * scale } : { mask, sim: sim * scale, kind };
      if (list) list.push(link);
      else links.set(v, [link]);
      if (d.postStart[v + 1]! - d.postStart[v]! > d.rareCap) common = true;
      if (d.df[v]! > 0 && sim > bestSim) {
        bestSim = sim;
        bestDf = d.df[v]!;
      }
    }
    return { common, bestDf };
  };
  // Looked at before each token's links (bounded by the key caps); a spent budget leaves the rest unlinked,
  // which can only lower scores, and the caller reports the party as screened in part.
  for (let i = 0; i < n; i++) {
    const f = t.flags[i]!;
    if (f & INITIAL) {
      weights[i] = INITIAL_WEIGHT;
      unfetchedMask |= 1 << i;
      continue;
    }
    // With the links of one keystroke slip that the skeleton's folds made into several edits (typo-links.ts),
    // so a misspelt word weighs as the word it stands for.
    const { common, bestDf } = budget?.spent()
      ? NO_LINKS
      : addLinks(t.skels[i]!, 1 << i, 1, 2, withSlips(d, t.words[i]!, t.skels[i]!, find, slips));
    if (common) unfetchedMask |= 1 << i;
    // Equivalent words (data tables): a person's given name meets its short or full forms (Bill/William,
    // Sasha/Aleksandr), an organisation's generic word its other spellings (Airlines/Air, Intl/International),
    // a little below an equal word; one edit is allowed for the other form's spelling (Aleksandr/Alexander),
    // but not for a short form: one edit from "Alex" is "Alexy", another name (Aleksandr is not Aleksey).
    if (!budget?.spent()) {
      const sim = person ? NICKNAME_SIM : ORG_WORD_SIM;
      for (const form of person ? nameForms(t.skels[i]!) : orgWordForms(t.skels[i]!)) {
        const edits = person && form.length < MIN_FORM_EDIT_CHARS ? 0 : 1;
        if (addLinks(form, 1 << i, sim, edits).common) unfetchedMask |= 1 << i;
      }
    }
    // A town's name and its adjective in an organisation's core ("Uralsky"/"Ural": org-place-forms.ts).
    const place = person || f & GENERIC || budget?.spent() ? undefined : placeFormLinks(d, t.skels[i]!);
    if (place && addLinks('', 1 << i, PLACE_FORM_SIM, 0, place, KIND_PLACE_FORM).common)
      unfetchedMask |= 1 << i;
    const extra = budget?.spent() ? undefined : readingLinks(d, t, i, find);
    if (extra && addLinks('', 1 << i, 1, 2, extra.spelling).common) unfetchedMask |= 1 << i;
    if (extra && addLinks('', 1 << i, 1, 2, extra.vowels, KIND_UNVOWELLED).common) unfetchedMask |= 1 << i;
    // Another Arabic romanisation family's spelling of a person's name (Gaddafi/Qadhafi: arabic-frames.ts).
    const family = arabicFamilies && !budget?.spent() ? frameLinks(d, t.words[i]!, t.skels[i]!) : undefined;
    if (family && addLinks('', 1 << i, 1, 2, family, KIND_VARIANT).common) unfetchedMask |= 1 << i;
    // The same word as an Arabic- or Hebrew-script listing romanises it, short vowels unwritten (unvowelled.ts).
    const bare =
      arabicFamilies && !fromScript && !budget?.spent() ? unvowelledLinks(d, t.skels[i]!) : undefined;
    if (bare && addLinks('', 1 << i, 1, 2, bare, KIND_UNVOWELLED).common) unfetchedMask |= 1 << i;
    // A word no list uses is as rare as it gets: missing it on the list side costs the most.
    let w = rarity(bestDf > 0 ? bestDf : 1, names, t.skels[i]!, d.background);
    if (f & TAIL) w *= TAIL_FACTOR;
    if (f & GENERIC) w *= GENERIC_FACTOR;
    if (f & PATRONYMIC) w *= PATRONYMIC_FACTOR;
    if (f & ANCESTOR) w *= ANCESTOR_FACTOR;
    if (f & TITLE) w *= TITLE_FACTOR;
    weights[i] = w;
  }
  for (let i = 0; i + 1 < n; i++) {
    if (t.flags[i + 1]! & INITIAL) continue;
    // A letter split off the front of a word ("AL-A KHRAS" for "AL-AKHRAS", "M ASRI"): glued only as spelled,
    // into a word long enough to tell apart (an initial and a short word, "A Tan", are more often two words).
    const split = (t.flags[i]! & INITIAL) !== 0;
    if (split && t.words[i + 1]!.length < MIN_SPLIT_REST) continue;
    if (budget?.spent()) break;
    const glued = glueKey(t.words[i]!, t.words[i + 1]!);
    if (glued !== undefined && addLinks(glued, 3 << i, GLUE_SIM, split ? 0 : GLUE_MAX_EDITS).common)
      unfetchedMask |= 3 << i;
    // An Arabic article written apart read glued: "al Azhar" as "Lazhar", "Abd al Rahman" as "Abdelrahman".
    for (const g of arabicFamilies ? articleGlueLinks(d, t.words, i, find) : [])
      if (addLinks('', g.mask, g.glued ? GLUE_SIM : 1, 2, g.links, g.kind).common) unfetchedMask |= g.mask;
  }
  for (const g of budget?.spent() ? [] : tripleGlueKeys(t.words, t.flags))
    if (addLinks(g.key, g.mask, GLUE_SIM, 0).common) unfetchedMask |= g.mask;
  for (const c of budget?.spent() ? [] : compoundLinks(d, t))
    if (addLinks('', c.mask, 1, 2, c.links).common) unfetchedMask |= c.mask;
  let total = 0;
  for (const w of weights) total += w;
  const nasab = new Int8Array(n);
  const chain = nasabRanks(
    (i) => t.skels[i]!,
    n,
    nasab,
    (i) => t.flags[i]!,
  );
  const particles = particleMask(t.skels);
  return {
    raw,
    skels: t.skels,
    words: t.words,
    wordHash: Uint32Array.from(t.words, wordHash),
    lightHash: romanised(raw) ? new Uint32Array(n).fill(ROMANISED) : Uint32Array.from(t.words, lightHash),
    flags: t.flags,
    nasab: chain ? nasab : null,
    weights,
    totalWeight: total,
    links,
    unfetchedMask,
    allMask: n >= 32 ? -1 : (1 << n) - 1,
    fullKey: n >= 2 ? [...t.skels].sort().join(' ') : null,
    legal: legalFamilies(t.legal),
    person,
    commonName: person && isCommonPersonName(t.skels, t.flags),
    givenMask: flagMask(t.flags, GIVEN),
    familyMask: flagMask(t.flags, FAMILY),
    minorMask: flagMask(t.flags, INITIAL) | particles,
    particleMask: particles,
    acronymMask: acronymCandidates(t.words, t.flags, person),
    code: apart?.code ?? null,
    ambiguousBreak: t.ambiguousBreak === true,
    initialsCommon: initialsOnCommonNames(t),
    personsOnly: false,
  };
}

/**
 * A word as written links to a listed word or to two listed words glued (camel-case.ts reads such a word whole):
 * "PetroChina" is read as the glued "PETRO CHINA", as it was, not as two words found inside "PETRO CHINA PARS".
 */
function writtenLinks(d: IndexData, written: string, find: LinkFinder): boolean {
  const skel = skeleton(toAscii(written).replace(/[^a-z0-9]/g, '')).slice(0, MAX_TOKEN_CHARS);
  return skel.length > 0 && find(d, skel, 2).size > 0;
}

/** A word as written is, folded, a word of this index (not one it only resembles). */
function listedExactly(d: IndexData, written: string): boolean {
  const v = d.vocabMap.get(skeleton(toAscii(written).replace(/[^a-z0-9]/g, '')).slice(0, MAX_TOKEN_CHARS));
  return v !== undefined && d.df[v]! > 0;
}

function particleMask(skels: readonly string[]): number {
  let m = 0;
  for (let i = 0; i < skels.length && i < 31; i++) if (isNameParticle(skels[i]!)) m |= 1 << i;
  return m;
}

function flagMask(flags: readonly number[], flag: number): number {
  let m = 0;
  for (let i = 0; i < flags.length && i < 31; i++) if (flags[i]! & flag) m |= 1 << i;
  return m;
}

export function maskWeight(weights: Float64Array, mask: number): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) if (mask & (1 << i)) s += weights[i]!;
  return s;
}
