import { readTable } from './data-table.ts';

/**
 * Generic words of organisation names written in several ways ("Airlines"/"Air"/"Airways", "Intl"/
 * "International", "Bros"/"Brothers", "&"/"and"): data/org-words.csv maps each written form (as the
 * tokenizer's ASCII word) to one canonical word, applied to list names and queries alike, so the variants
 * meet as equal tokens and keep the rarity weight of the canonical word.
 */
const CANONICAL: ReadonlyMap<string, string> = new Map(
  readTable('org-words.csv').map((r) => [r.word ?? '', r.canonical ?? '']),
);

export function canonicalOrgWord(word: string): string {
  return CANONICAL.get(word) ?? word;
}
