import type { IndexData } from './index-data.ts';
import type { PreparedName } from './prepare-query.ts';
import { GENERIC, STATUS } from './tokenize.ts';

/**
 * An organisation's whole name written, word for word and in order, inside a longer listed name. The EU's
 * annexes pack several names of one entity into one string ("Rostov Helicopter Production Complex Public Joint
 * Stock Company ‘Rostvertol’ Named After B.N. Slyusar PJSC"; "FSUE Rosatomflot, Federal State Unitary Enterprise
 * “Atomflot”"), so a customer who types one of them covers half of the listed words and the coverage share
 * holds an exact name at 0.73–0.79, under review (issue 19). The words being the same and in the same order —
 * a phrase, not a bag of words found here and there — is what tells this apart from a shared word or two:
 * held at PHRASE_FLOOR, a review and never a block on the name alone (name-score.ts sets the ceiling).
 */
export const PHRASE_FLOOR = 0.82;
/** Fewer words, or one distinctive word, is the one-core-word and short-name case (name-ceiling.ts holds). */
const MIN_WORDS = 3;
const MIN_CORE = 2;

/**
 * `qToC[i]` is the list position (0-based in the name) matched to query word i as the same word, or -1. Query
 * words of status ("of", "and", "state") may be missing, and list words of status may lie between the found
 * ones ("Research Design *and* Technological Bureau"); any other gap breaks the phrase.
 */
export function phraseInside(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  qToC: Int8Array,
): boolean {
  if (q.person || q.skels.length < MIN_WORDS) return false;
  let core = 0;
  let last = -1;
  for (let i = 0; i < q.skels.length; i++) {
    const f = q.flags[i]!;
    const at = qToC[i]!;
    if (at < 0) {
      if (f & STATUS) continue;
      return false;
    }
    if (!(f & GENERIC)) core++;
    if (last >= 0) {
      if (at <= last) return false;
      for (let j = last + 1; j < at; j++) if (!(d.tokFlags[ts + j]! & STATUS)) return false;
    }
    last = at;
  }
  return core >= MIN_CORE && last >= 0 && last < te - ts;
}
