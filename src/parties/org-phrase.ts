import type { IndexData } from './index-data.ts';
import type { PreparedName } from './prepare-query.ts';
import { GENERIC, STATUS } from './tokenize.ts';

/**
 * One organisation name written, word for word and in order, inside a longer one. The EU's annexes pack several
 * names of one entity into one string ("Rostov Helicopter Production Complex Public Joint Stock Company
 * ‘Rostvertol’ Named After B.N. Slyusar PJSC"; "FSUE Rosatomflot, Federal State Unitary Enterprise “Atomflot”"),
 * and customers' records do the same with a parent's name ("Tactical Missile Corporation, Joint Stock Company
 * Concern Granit-Electron"), so the name typed covers half of the other's words and the coverage share holds an
 * exact name at 0.58–0.79, under review (issue 19). The words being the same and in the same order — a phrase,
 * not a bag of words found here and there — is what tells this apart from a shared word or two: held at
 * PHRASE_FLOOR, a review and never a block on the name alone (name-score.ts sets the ceiling).
 */
export const PHRASE_FLOOR = 0.82;
/** Fewer words, or one distinctive word, is the one-core-word and short-name case (name-ceiling.ts holds). */
const MIN_WORDS = 3;
const MIN_CORE = 2;

/**
 * Is the shorter name (`n` words, flags by `flagOf`) a phrase of the longer? `at[i]` is the longer name's
 * position matched to word i as the same word, or -1. Words of status ("of", "and", "state") may be missing on
 * the shorter side, and may lie between the found ones on the longer ("Research Design *and* Technological
 * Bureau"); any other gap breaks the phrase.
 */
function isPhrase(
  n: number,
  flagOf: (i: number) => number,
  at: Int8Array,
  longFlagOf: (j: number) => number,
): boolean {
  if (n < MIN_WORDS) return false;
  let core = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const f = flagOf(i);
    const j = at[i]!;
    if (j < 0) {
      if (f & STATUS) continue;
      return false;
    }
    if (!(f & GENERIC)) core++;
    if (last >= 0) {
      if (j <= last) return false;
      for (let k = last + 1; k < j; k++) if (!(longFlagOf(k) & STATUS)) return false;
    }
    last = j;
  }
  return core >= MIN_CORE;
}

/**
 * `qToC`/`cToQ`: query word → list position and back, for words matched as the same word (-1: none). The query
 * inside the list name when the list has words left over, else the list name inside the query.
 */
export function phraseInside(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  qToC: Int8Array,
  cToQ: Int8Array,
  listLeftOver: boolean,
): boolean {
  if (q.person) return false;
  const listFlag = (j: number) => d.tokFlags[ts + j]!;
  const queryFlag = (i: number) => q.flags[i]!;
  return listLeftOver
    ? isPhrase(q.skels.length, queryFlag, qToC, listFlag)
    : isPhrase(te - ts, listFlag, cToQ, queryFlag);
}
