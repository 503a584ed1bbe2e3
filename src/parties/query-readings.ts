import { vowelTolerantLinks } from './abjad-links.ts';
import type { IndexData } from './index-data.ts';
import type { LinkFinder } from './prepare-query.ts';
import { COMPOUND_FIRST } from './readings.ts';
import type { NameTokens, TokenReadings } from './tokenize.ts';

/**
 * Query-side links from a token's extra readings (readings.ts): another system's spelling links as the word
 * does, a little below the first reading so an exact spelling stays the best match; a word from an abjad script
 * also links to the vocabulary words that only add vowels (abjad-links.ts).
 */
export const ALT_READING_SIM = 0.97;

function merge(into: Map<number, number>, from: Map<number, number>, scale: number): void {
  for (const [v, sim] of from) if ((into.get(v) ?? 0) < sim * scale) into.set(v, sim * scale);
}

/**
 * Links of token `i` through its extra readings, or undefined when it has none. `vowels` holds the links that only
 * supply the short vowels an abjad word leaves unwritten ("dvd" → "David"): the same word read in full, not a
 * likeness, so the caller keeps them apart from the spelling links.
 */
export function readingLinks(
  d: IndexData,
  t: NameTokens,
  i: number,
  find: LinkFinder,
): { spelling: Map<number, number>; vowels: Map<number, number> } | undefined {
  const r: TokenReadings | undefined = t.readings?.[i];
  if (!r) return undefined;
  const spelling = new Map<number, number>();
  const vowels = new Map<number, number>();
  for (const alt of r.skels) {
    merge(spelling, find(d, alt, 2), ALT_READING_SIM);
    if (r.vowelless) merge(vowels, vowelTolerantLinks(d, alt), ALT_READING_SIM);
  }
  if (r.vowelless) merge(vowels, vowelTolerantLinks(d, t.skels[i]!), 1);
  return { spelling, vowels };
}

/**
 * "عبد الملك" is read "abd mlk" (translit-abjad.ts drops the article there), and lists write it so ("Abd
 * al-Malik") or as one word ("Abdulmalik", "Abdelmalek"): the pair also links, as one, to a vocabulary word with
 * their consonants and the article's l.
 */
export function compoundLinks(d: IndexData, t: NameTokens): { mask: number; links: Map<number, number> }[] {
  const out: { mask: number; links: Map<number, number> }[] = [];
  if (!t.readings) return out;
  for (let i = 0; i + 1 < t.skels.length; i++) {
    if (!t.readings[i]?.vowelless || !COMPOUND_FIRST.has(t.words[i]!)) continue;
    const links = vowelTolerantLinks(d, `${t.skels[i]}l${t.skels[i + 1]}`);
    if (links.size > 0) out.push({ mask: 3 << i, links });
  }
  return out;
}
