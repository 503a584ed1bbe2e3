import type { IndexData } from './index-data.ts';
import type { PreparedName } from './prepare-query.ts';
import { GENERIC, STATUS, TAIL } from './tokenize.ts';

/**
 * An organisation's whole name written, word for word and in order, inside a longer listed name. The EU's
 * annexes pack several names of one entity into one string ("Rostov Helicopter Production Complex Public Joint
 * Stock Company ‘Rostvertol’ Named After B.N. Slyusar PJSC"; "FSUE Rosatomflot, Federal State Unitary Enterprise
 * “Atomflot”"), so a customer who types one of them covers half of the listed words and the coverage share holds an exact
 * name at 0.65–0.79, under review (issue 19). The words being the same and in the same order — a phrase,
 * not a bag of words found here and there — is what tells this apart from a shared word or two: held at
 * PHRASE_FLOOR, a review and never a block on the name alone (name-score.ts sets the ceiling).
 */
export const PHRASE_FLOOR = 0.82;
/** Fewer words, or one distinctive word, is the one-core-word and short-name case (name-ceiling.ts holds). */
const MIN_WORDS = 3;
const MIN_CORE = 2;

/**
 * Is the query (`n` words, flags by `flagOf`) a phrase of the longer list name (`len` words)? `at[i]` is the
 * longer name's position matched to word i as the same word, or -1; `same(j, k)`: positions j and k of the longer
 * name hold the same word. Words of status ("of", "and", "state") may be missing on the shorter side, and may lie
 * between the found ones on the longer ("Research Design *and* Technological Bureau"); any other gap breaks the
 * phrase. The phrase may be a later occurrence of the words than the one matched: the EU writes "FEDERAL
 * RESEARCH AND PRODUCTION CENTER JSC RESEARCH AND PRODUCTION ASSOCIATION MARS", and "Research Production
 * Association Mars" is its second half.
 */
function isPhrase(
  n: number,
  flagOf: (i: number) => number,
  at: Int8Array,
  len: number,
  longFlagOf: (j: number) => number,
  same: (j: number, k: number) => boolean,
): boolean {
  if (n < MIN_WORDS) return false;
  let core = 0;
  let generic = false;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const f = flagOf(i);
    if (f & GENERIC) generic = true;
    if (at[i]! < 0) {
      if (f & STATUS) continue;
      return false;
    }
    if (first < 0) first = i;
    if (!(f & GENERIC)) core++;
  }
  // A generic word ("bureau", "complex", "enterprise") says it is an organisation's name: a query of no known
  // kind read as one is otherwise often a person's ("Jose Francisco Lopez" in "… LOPEZ CENTENO"), which the
  // common-name prior must still hold.
  if (core < MIN_CORE || !generic || first < 0) return false;
  for (let start = 0; start < len; start++)
    if (same(start, at[first]!) && followsFrom(n, at, first, start, len, longFlagOf, same)) return true;
  return false;
}

/** From the first found word at `start`, is each next found word the next word of the longer name but status words? */
function followsFrom(
  n: number,
  at: Int8Array,
  first: number,
  start: number,
  len: number,
  longFlagOf: (j: number) => number,
  same: (j: number, k: number) => boolean,
): boolean {
  let last = start;
  for (let i = first + 1; i < n; i++) {
    const j = at[i]!;
    if (j < 0) continue;
    let k = last + 1;
    while (k < len && !same(k, j) && longFlagOf(k) & STATUS) k++;
    if (k >= len || !same(k, j)) return false;
    last = k;
  }
  return true;
}

/**
 * `qToC`: query word → list position, for words matched as the same word (-1: none). Only the query inside a
 * list name with words left over: the other way round, a listed name inside a longer customer name ("RESTA ATLAS
 * SHIP MANAGEMENT" on "ATLAS SHIP MANAGEMENT") is as often another firm named after or beside it; measured on
 * eval:match's generated set it raised false alerts 7 → 12 of 769 for 10 cross-list cases gained (issue 19).
 */
export function phraseInside(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  qToC: Int8Array,
): boolean {
  if (q.person) return false;
  return isPhrase(
    q.skels.length,
    (i) => q.flags[i]!,
    qToC,
    te - ts,
    (j) => d.tokFlags[ts + j]!,
    (j, k) => d.tokVocab[ts + j] === d.tokVocab[ts + k],
  );
}

/** A listed name of fewer core words is the one-core-word case (name-ceiling.ts holds "Yandex" apart). */
const MIN_LIST_CORE = 2;

/**
 * The other way round: the listed name whole, word for word and in order, inside a longer customer name whose
 * other words say only what kind of body it is, who owns it or whom it is named after — generic words and
 * honorifics (org-generic.ts), seats after a legal form. The EU's "Federal State Budgetary Enterprise
 * ‘Sanatorium “Nizhnyaya Oreanda”’ of the Administration of the President of the Russian Federation" is the
 * CSL's "SANATORIUM NIZHNYAYA OREANDA". A plain "list name inside the query" rule was dropped (see
 * phraseInside): "RESTA ATLAS SHIP MANAGEMENT" is another firm because "Resta" is a distinctive word, and
 * here any such word breaks the rule. `qToC` as for phraseInside; `te - ts` the list name's words.
 */
export function listInsideQuery(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  qToC: Int8Array,
): boolean {
  if (q.person) return false;
  let found = 0;
  let last = -1;
  let core = 0;
  for (let i = 0; i < q.skels.length; i++) {
    const j = qToC[i]!;
    if (j < 0) {
      if (q.flags[i]! & (GENERIC | TAIL)) continue;
      return false;
    }
    if (j <= last) return false;
    last = j;
    found |= 1 << j;
    if (!(d.tokFlags[ts + j]! & GENERIC)) core++;
  }
  // Words of status may be missing from the query ("State Enterprise Universal-Avia" / "Universal-Avia").
  for (let j = 0; j < te - ts; j++) if (!(found & (1 << j)) && !(d.tokFlags[ts + j]! & STATUS)) return false;
  return core >= MIN_LIST_CORE;
}
