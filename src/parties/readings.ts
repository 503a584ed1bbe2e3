import arabic from './data/translit/arabic.json' with { type: 'json' };
import { HAS_ABJAD, HAS_HEBREW_VAV, hebrewVavU } from './translit-abjad.ts';
import { hangulReadings } from './translit-hangul.ts';
import { HAS_KANA, romaniseKana } from './translit-kana.ts';
import { familyReadings, systemReadings } from './translit-systems.ts';
import { toAscii } from './translit.ts';

/**
 * Extra readings of a query's words, for the query side only (list names keep their first reading; the index
 * stays as it is): another romanisation system's spelling of a Hangul, kana, Cyrillic or diacritic word, another
 * family's spelling of a Latin one, and whether the word came from a script that leaves vowels unwritten.
 * Keyed by the word's first reading, as tokenize.ts splits it; a chunk whose readings split into a different
 * number of words than its first reading gives none (the words could not be paired).
 */
export interface WordReadings {
  alts: string[];
  /** Arabic-script or Hebrew: short vowels are missing, abjad-links.ts supplies them. */
  vowelless: boolean;
}

/** Most extra readings of one name: each costs a deletion-neighbourhood lookup (issue 18's per-party budget). */
export const MAX_READINGS = 12;

const APOSTROPHES = /['’ʼ`ʻ‘]/g;
const HANGUL = /[\uac00-\ud7a3]/;
const NON_ASCII = /[^\x00-\x7f]/;
const split = (s: string) => s.replace(APOSTROPHES, '').split(/[^a-z0-9]+/).filter((w) => w.length > 0);
export const COMPOUND_FIRST = new Set(arabic.compoundFirst);

function chunkReadings(chunk: string): string[] {
  const lower = chunk.normalize('NFKC').toLowerCase();
  if (HANGUL.test(lower)) return hangulReadings(lower).map(toAscii);
  if (HAS_KANA.test(lower)) return [toAscii(romaniseKana(lower, true))];
  if (HAS_HEBREW_VAV.test(lower)) return [toAscii(hebrewVavU(lower))];
  const out = NON_ASCII.test(lower) ? systemReadings(lower) : [];
  for (const w of split(NON_ASCII.test(lower) ? toAscii(lower) : lower)) out.push(...familyReadings(w));
  return out;
}

/** Readings of the words of a (segmented) name, by first reading; empty for most Latin names. */
export function readingsOf(segmented: string): Map<string, WordReadings> {
  const out = new Map<string, WordReadings>();
  let budget = MAX_READINGS;
  for (const chunk of segmented.split(/\s+/)) {
    if (chunk.length === 0) continue;
    const words = split(toAscii(chunk));
    const vowelless = HAS_ABJAD.test(chunk);
    for (const alt of chunkReadings(chunk)) {
      const altWords = split(alt);
      if (altWords.length !== words.length && words.length !== 1) continue;
      // One word of the first reading ("kimjongun" unsegmented) against several: keep the joined form.
      const pieces = words.length === 1 ? [altWords.join('')] : altWords;
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        const a = pieces[i]!;
        if (a === w || budget <= 0) continue;
        const r = out.get(w) ?? { alts: [], vowelless };
        if (!r.alts.includes(a)) {
          r.alts.push(a);
          budget--;
        }
        out.set(w, r);
      }
    }
    if (vowelless) for (const w of words) if (!out.has(w)) out.set(w, { alts: [], vowelless });
  }
  return out;
}
