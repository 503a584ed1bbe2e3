import { readTable } from './data-table.ts';

/**
 * A digit typed for the letter it looks like ("Ig0r Sech1n", "I9or": the "alphanumeric swap" of
 * opensanctions/nomenklatura's name benchmark, a filter-evasion habit). Left as typed, "Ig0r" is no word and was set
 * apart as a reference code; "Sech1n" met "Sechin" only as a slip. The look-alike pairs are data
 * (data/digit-letters.csv, PROVENANCE.md).
 *
 * Only a word that cannot be anything else is read so: letters with one or two single digits inside them, never
 * at its edge ("Plant9", "27TH", "TKT1997" and codes like "A12F" keep their digits: a number there tells things
 * apart), three letters or more, the word as typed no listed word, and the reading exactly one (`listed`). A
 * reading that meets no listed word changes nothing, so a clean name cannot gain a match it did not have.
 */
const LOOKALIKES = new Map<string, string[]>();
for (const row of readTable('digit-letters.csv')) {
  const digit = row.digit!;
  LOOKALIKES.set(digit, [...(LOOKALIKES.get(digit) ?? []), row.letter!]);
}

/** Letters, then one or two single digits each followed by letters. */
const SHAPE = /^\p{L}+(?:\d\p{L}+){1,2}$/u;
const WRITTEN = /[\p{L}\p{M}\p{N}]+/gu;
const DIGIT = /\d/u;
const UPPER = /\p{Lu}/u;
const MIN_LETTERS = 3;

export function digitsAsLetters(raw: string, listed: (written: string) => boolean): string {
  if (!DIGIT.test(raw)) return raw;
  return raw.replace(WRITTEN, (w) => {
    if (!SHAPE.test(w) || w.replace(/\d/gu, '').length < MIN_LETTERS || listed(w)) return w;
    return readings(w).find(listed) ?? w;
  });
}

/** Every way of reading the word's digits as letters, each a capital between capitals ("SECH1N"), else small. */
function readings(w: string): string[] {
  let out = [''];
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const letters = LOOKALIKES.get(c);
    if (!letters) {
      out = out.map((s) => s + c);
      continue;
    }
    const upper = UPPER.test(w[i - 1] ?? '') && UPPER.test(w[i + 1] ?? '');
    out = out.flatMap((s) => letters.map((l) => s + (upper ? l.toUpperCase() : l)));
  }
  return out;
}
