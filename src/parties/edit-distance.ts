/**
 * Optimal-string-alignment distance with an upper bound: returns bound+1 as soon as the distance must
 * exceed `bound`. Transpositions count 1, so "Petorv" is one edit from "Petrov".
 */
const rowA = new Int32Array(64);
const rowB = new Int32Array(64);
const rowC = new Int32Array(64);

export function osaDistance(a: string, b: string, bound: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > bound) return bound + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (lb >= 63) return a === b ? 0 : bound + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/**
 * Edits a pair of skeleton tokens may differ by and still be "linked" (count as the same word). Short
 * tokens must be equal: one edit turns most 3-letter words into other real words. The bound uses the
 * shorter token, so it never exceeds what either side's deletion neighbourhood covers.
 */
export function maxEdits(len: number): number {
  if (len <= 3) return 0;
  if (len <= 7) return 1;
  return 2;
}

/**
 * Similarity of two linked tokens at `d` edits: 1 when equal, ~0.9 for one typo in a 9-letter word. A
 * differing first letter costs extra (as Jaro-Winkler's prefix bonus does): typists rarely miss the first
 * letter, and "Intel"/"Nitel" are different firms.
 */
export function editSimilarity(d: number, a: string, b: string): number {
  if (d === 0) return 1;
  const len = Math.max(a.length, b.length);
  // Each edit costs a share of the word plus a flat part; in 4–5 letter words one edit often makes
  // another real word ("Intel"/"Inter"), so those pay more.
  return 1 - d * (0.8 / len + 0.05) - (len <= 5 ? 0.05 : 0) - (sameOnset(a, b) ? 0 : 0.1);
}

/**
 * The first letters agree, or both are vowels: romanisations of Arabic and Persian names differ in the first
 * vowel more than in any other letter (Osama/Usama, Omar/Umar, Ebrahim/Ibrahim), where no typist slipped.
 */
const VOWELS = 'aeiouy';
const sameOnset = (a: string, b: string) =>
  a[0] === b[0] || (VOWELS.includes(a[0] ?? '-') && VOWELS.includes(b[0] ?? '-'));

/**
 * Links a query token to a vocabulary token: the similarity, or 0 when they are not the same word. `limit`
 * lowers the edits allowed (glued pairs allow one, see prepare-query.ts).
 */
export function linkSimilarity(q: string, v: string, limit = 2): number {
  const k = Math.min(maxEdits(Math.min(q.length, v.length)), limit);
  if (k === 0) return q === v ? 1 : 0;
  const d = osaDistance(q, v, k);
  return d > k ? 0 : editSimilarity(d, q, v);
}
