import { readTable } from './data-table.ts';
import { skeleton } from './skeleton.ts';

/**
 * Titles and honorifics before a person's name ("General", "Präsident", "Dr", "Sheikh", "Hajji"), from
 * data/titles.csv. Lists write them inconsistently ("General Ivan Petrov" on one, "PETROV, Ivan" on the
 * next) and customers type them, so a leading run of them weighs almost nothing in person names on both
 * sides (TITLE_FACTOR). Kept rather than dropped, so a misspelt title still links to the list's. Only
 * leading ones: "Sheikh" or "General" later in a name may be a name part. Matched on skeletons (one or more
 * words), so "Shaykh"/"Sheikh" and "Präsident"/"Prasident" fold together.
 */
const BY_FIRST = new Map<string, string[][]>();
for (const row of readTable('titles.csv')) {
  const skels = (row.title ?? '').split(' ').filter(Boolean).map(skeleton);
  const first = skels[0];
  if (first === undefined) continue;
  const list = BY_FIRST.get(first) ?? [];
  list.push(skels);
  BY_FIRST.set(first, list);
}
// Longest first, so "lieutenant general" is taken whole rather than "lieutenant" alone.
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

/** Length of the title phrase starting at `at`, or 0. */
function titleAt(skels: readonly string[], at: number): number {
  for (const phrase of BY_FIRST.get(skels[at]!) ?? []) {
    if (at + phrase.length > skels.length) continue;
    if (phrase.every((s, k) => skels[at + k] === s)) return phrase.length;
  }
  return 0;
}

/**
 * How many leading words of a person's name (ASCII words) are titles. None when fewer than two other words
 * would remain ("Al-Hajj, Yahya" is a surname) or when a comma ends the run ("HAJI, Ahmad Shah": the list's
 * "SURNAME, given names" order). `commaAfter(k)` says whether a comma follows word k.
 */
export function titleRun(words: readonly string[], commaAfter: (k: number) => boolean): number {
  if (words.length < 3 || !BY_FIRST.has(skeleton(words[0]!))) return 0;
  const skels = words.map(skeleton);
  let at = 0;
  for (let n = titleAt(skels, at); n > 0; n = titleAt(skels, at)) at += n;
  return at > 0 && words.length - at >= 2 && !commaAfter(at - 1) ? at : 0;
}

/**
 * Title words right after a list's comma: "AL-ZINDANI, Shaykh Abd-al-Majid", "AL ZAWAHIRI, Dr. Ayman", "NOORZAI,
 * Mullah Ahmed Shah" put the title between the family name and the given names. How many words from `from` (the
 * first word after the comma) are titles, when at least one name word follows them.
 */
export function titleRunAfterComma(words: readonly string[], from: number): number {
  if (from <= 0 || from >= words.length || !BY_FIRST.has(skeleton(words[from]!))) return 0;
  const skels = words.map(skeleton);
  let at = from;
  for (let n = titleAt(skels, at); n > 0; n = titleAt(skels, at)) at += n;
  return words.length - at >= 1 ? at - from : 0;
}
