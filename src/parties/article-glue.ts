import table from './data/translit/arabic-latin.json' with { type: 'json' };
import { glueKey } from './tokenize.ts';

/**
 * Arabic compound names joined by the article: "Abd al-Aziz", "Zayn al-Abidin", "Nur al-Din", "'Ala' al-Din".
 * Lists write them as three words, hyphenated, or as one word with the article's vowel as it is spoken
 * ("Abdulaziz", "Abdelaziz", "Zaynalabidin") and, before a sun letter, assimilated ("Nuruddin", "Nureddin"); a
 * customer types any of them, or drops the hyphens ("AbdalAziz"). Glued pairs rejoin two words only, so the
 * three words of such a name are also keyed as one word: each spelling of the article the data gives
 * (data/translit/arabic-latin.json, `article`), and before a sun letter its assimilated forms.
 */
const ARTICLES: readonly string[] = table.article.glued;
const SUN = new Set(table.article.sunLetters);
/** The vowels an assimilated article is written with: "ad-Din" is "ud-din", "ed-din", "ad-din". */
const ASSIMILATED_VOWELS = ['a', 'u', 'e'];

/** The middle word is the article, written apart ("al", "el", "ul"…). */
export const isArticle = (w: string): boolean => ARTICLES.includes(w);

/** Glued keys of "first article second", one per spelling of the article; empty when none is in bounds. */
export function articleTripleKeys(first: string, second: string): string[] {
  const spellings = [...ARTICLES];
  if (SUN.has(second[0]!)) for (const v of ASSIMILATED_VOWELS) spellings.push(v + second[0]);
  const keys = new Set<string>();
  for (const a of spellings) {
    const k = glueKey(first + a, second);
    if (k !== undefined) keys.add(k);
  }
  return [...keys];
}

/** A glued triple's position in `gluePos` carries this bit: its mask covers three tokens, not two. */
export const TRIPLE = 32;
/** The list tokens a glued key covers, from its `gluePos` entry. */
export const glueMask = (pos: number): number => ((pos & TRIPLE) !== 0 ? 7 : 3) << (pos & (TRIPLE - 1));
