import { isNameParticle } from './common-names.ts';
import { FOUND_SIM, SUBSET_FLOOR } from './given-family.ts';
import { glueMask, type IndexData } from './index-data.ts';
import { letterFits } from './initials-found.ts';
import { QUERY_SHARE } from './name-score.ts';
import { acronymPairs } from './org-acronym.ts';
import { PHRASE_FLOOR } from './org-phrase.ts';
import type { PreparedName } from './prepare-query.ts';
import { ANCESTOR, INITIAL, STATUS, TITLE } from './tokenize.ts';

/**
 * The name score list name `n` can reach at most, from what it shares with the query before any alignment: the
 * words of each side that some link, glued key, initial or acronym could pair. search.ts scores a candidate
 * only when this bound plus the fields' bonuses reaches the reporting floor. Retrieval's first bound counts the
 * list side as wholly covered (0.45 of slack): of the candidates it let through on bench:match's queries, 95%
 * scored below review, most sharing one rare word with the query and leaving half their own words unmatched.
 *
 * The bound follows scoreName's formula (name-score.ts): QUERY_SHARE × the query's matched weight share plus
 * the rest × the list's, every similarity at most 1; structure penalties and the weak-alias factor only lower
 * it. Nasab markers written on one side only leave that side's total (nasab-unwritten.ts), so an unmatched
 * ANCESTOR word is not counted against the share it would lower. Two rules lift a name found inside the other
 * (given-family.ts to under SUBSET_FLOOR, org-phrase.ts to PHRASE_FLOOR); both need one side's words found
 * whole (at FOUND_SIM or better), so the bound is the higher floor whenever either side's words, less
 * initials, titles, status words and particles, could all be found. A rule that lifts a score some other way
 * must be added here: test/parties/score-bound.test.ts compares the bound with the score on every name.
 */
let acronymReach = 0;
let acronymQuery = 0;
/** A module function, not a closure per candidate (see name-score.ts push). */
function addAcronym(qi: number, listMask: number): void {
  acronymQuery |= 1 << qi;
  acronymReach |= listMask;
}
const FLOOR = Math.max(SUBSET_FLOOR, PHRASE_FLOOR);
/** Words either whole-name rule lets go unmatched. */
const MINOR = INITIAL | TITLE | STATUS;

/** What the bound needs of a query name, worked out once per name rather than per candidate. */
export interface QueryShape {
  /** A name of 32 words or more: masks cannot hold it, no bound. */
  open: boolean;
  /** Positions of the query's initials and their written letters: each pairs with a list word it may begin. */
  initials: { bit: number; letter: string }[];
  /** Nasab chain words (their markers among them). */
  ancestor: number;
  /** The words a whole-name rule needs found. */
  whole: number;
}

export function queryShape(q: PreparedName): QueryShape {
  let ancestor = 0;
  let whole = 0;
  const initials: QueryShape['initials'] = [];
  for (let i = 0; i < q.flags.length && i < 31; i++) {
    const f = q.flags[i]!;
    if (f & INITIAL) initials.push({ bit: 1 << i, letter: q.words[i]! });
    if (f & ANCESTOR) ancestor |= 1 << i;
    if (!(f & MINOR) && !isNameParticle(q.skels[i]!)) whole |= 1 << i;
  }
  return { open: q.flags.length > 31, initials, ancestor, whole };
}

export function nameScoreBound(d: IndexData, q: PreparedName, s: QueryShape, n: number): number {
  const ts = d.tokStart[n]!;
  const te = d.tokStart[n + 1]!;
  if (s.open || te - ts > 31) return 1;
  // Which words of each side some link could pair, and which at FOUND_SIM or better (what "found" means to
  // the whole-name rules).
  let reach = 0;
  let found = 0;
  let qReach = 0;
  let qFound = 0;
  for (let j = ts; j < te; j++) {
    const bit = 1 << (j - ts);
    // A list initial pairs with any query word of its letter.
    if (d.tokFlags[j]! & INITIAL) {
      reach |= bit;
      qReach = -1;
    }
    for (const { bit: qi, letter } of s.initials) {
      if (!letterFits(letter, d.vocab[d.tokVocab[j]!]!)) continue;
      reach |= bit;
      qReach |= qi;
    }
    const ls = q.links.get(d.tokVocab[j]!);
    if (!ls) continue;
    reach |= bit;
    for (const l of ls) {
      qReach |= l.mask;
      if (l.sim >= FOUND_SIM) {
        qFound |= l.mask;
        found |= bit;
      }
    }
  }
  for (let g = d.glueStart[n]!; g < d.glueStart[n + 1]!; g++) {
    const ls = q.links.get(d.glueVocab[g]!);
    if (!ls) continue;
    // Two words, or three ("Abd al-Rahman" keyed as one: GLUE_TRIPLE).
    const pair = glueMask(d.gluePos[g]!);
    reach |= pair;
    for (const l of ls) {
      qReach |= l.mask;
      if (l.sim >= FOUND_SIM) {
        qFound |= l.mask;
        found |= pair;
      }
    }
  }
  // An organisation's acronym spelling out a run of list words (org-acronym.ts), at ACRONYM_SIM: found too.
  if (q.acronymMask !== 0) {
    acronymReach = 0;
    acronymQuery = 0;
    acronymPairs(d, q, ts, te, addAcronym);
    reach |= acronymReach;
    found |= acronymReach;
    qReach |= acronymQuery;
    qFound |= acronymQuery;
  }
  // Query side: markers leave the query's total only when the query has a nasab chain; list side only when it
  // has none (nasab-unwritten.ts).
  const qShare = share(q.weights, qReach, q.nasab !== null ? s.ancestor : 0);
  let matched = 0;
  let missed = 0;
  let listWhole = true;
  for (let j = ts; j < te; j++) {
    const bit = 1 << (j - ts);
    const w = d.tokWeight[j]!;
    const f = d.tokFlags[j]!;
    if (reach & bit) matched += w;
    else if (!(f & ANCESTOR) || q.nasab !== null) missed += w;
    if (listWhole && !(found & bit) && !(f & MINOR) && !isNameParticle(d.vocab[d.tokVocab[j]!]!))
      listWhole = false;
  }
  const cShare = matched > 0 ? matched / (matched + missed) : 0;
  const plain = QUERY_SHARE * qShare + (1 - QUERY_SHARE) * cShare;
  const queryWhole = (s.whole & ~qFound) === 0;
  return queryWhole || listWhole ? Math.max(plain, FLOOR) : plain;
}

/** Matched weight over the total less the unmatched weight of `excused` positions. */
function share(weights: Float64Array, matched: number, excused: number): number {
  let found = 0;
  let missed = 0;
  for (let i = 0; i < weights.length; i++) {
    if (matched & (1 << i)) found += weights[i]!;
    else if (!(excused & (1 << i))) missed += weights[i]!;
  }
  return found > 0 ? found / (found + missed) : 0;
}
