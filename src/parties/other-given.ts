import type { IndexData } from './index-data.ts';
import type { PreparedName } from './prepare-query.ts';
import { GIVEN, INITIAL } from './tokenize.ts';

/** Other words that must be matched besides the given names: a father's name and a family name at least. */
const MIN_SHARED = 2;

const popcount = (m: number) => {
  let c = 0;
  for (let x = m >>> 0; x; x &= x - 1) c++;
  return c;
};

/**
 * A relative, not the person: "TARAK BEN TAHER BEN FALEH OUNI HARZI" and "ALI BEN TAHER BEN FALEH OUNI HARZI"
 * are two brothers the UN lists apart, "Mohammed Ali Hassan" and "Ahmed Ali Hassan" a father's two sons.
 * Brothers share every name but their own, so the coverage share alone ranks one above review for the other.
 * True when both are person names (tokenize.ts marks a given name only there), each side's given name is left
 * unmatched, the two begin with different letters (a spelling the engine did not link, "Tarak"/"Tariq", keeps
 * its first letter), and at least MIN_SHARED other query words are matched. name-score.ts then counts it as a
 * contradiction of structure, like a father and son swapped along bin/ibn.
 */
export function otherGivenName(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  usedQ: number,
  usedC: number,
): boolean {
  if (q.givenMask === 0 || (q.givenMask & usedQ) !== 0) return false;
  if (popcount(usedQ & ~q.givenMask) < MIN_SHARED) return false;
  let listGiven = false;
  for (let j = ts; j < te && j - ts < 31; j++) {
    if (!(d.tokFlags[j]! & GIVEN)) continue;
    if (usedC & (1 << (j - ts))) return false;
    const first = d.vocab[d.tokVocab[j]!]![0];
    for (let i = 0; i < q.skels.length; i++)
      if (q.givenMask & (1 << i) && q.skels[i]![0] === first) return false;
    listGiven = true;
  }
  return listGiven;
}

/**
 * Another person's middle initial: "Frost, William G." and "William W Frost" (nomenklatura's benchmark calls them
 * two people). True when each side keeps an initial the other did not match, no letter of the one is a letter of
 * the other, and at least MIN_SHARED full words of the query are matched (the given and family names): the names
 * agree and the one letter that tells namesakes apart disagrees. name-score.ts counts it as a contradiction.
 */
export function otherMiddleInitial(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  usedQ: number,
  usedC: number,
): boolean {
  let qLetters = '';
  let shared = 0;
  for (let i = 0; i < q.skels.length && i < 31; i++) {
    const initial = (q.flags[i]! & INITIAL) !== 0;
    if (usedQ & (1 << i)) {
      if (!initial) shared++;
    } else if (initial) qLetters += q.words[i]![0];
  }
  if (qLetters === '' || shared < MIN_SHARED) return false;
  let other = false;
  for (let j = ts; j < te && j - ts < 31; j++) {
    if (!(d.tokFlags[j]! & INITIAL) || usedC & (1 << (j - ts))) continue;
    const letter = d.vocab[d.tokVocab[j]!]![0]!;
    if (qLetters.includes(letter)) return false;
    other = true;
  }
  return other;
}
