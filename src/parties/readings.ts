import arabic from './data/translit/arabic.json' with { type: 'json' };
import { toAscii } from './translit.ts';
import { HAS_ABJAD, HAS_HEBREW, hebrewReadings } from './translit-abjad.ts';
import { HAS_ABUGIDA } from './translit-abugida.ts';
import { greekStemReading, HAS_GREEK } from './translit-greek.ts';
import { hangulReadings } from './translit-hangul.ts';
import { isHanPersonName, koreanReading } from './translit-hanja.ts';
import { HAS_KANA, romaniseKana } from './translit-kana.ts';
import { japaneseReading } from './translit-kanji.ts';
import { familyReadings, systemReadings } from './translit-systems.ts';
import { dropApostrophes } from './words.ts';

/**
 * Extra readings of a query's words, for the query side only (list names keep their first reading; the index
 * stays as it is): another romanisation system's spelling of a Hangul, kana, Cyrillic or diacritic word, a Greek
 * man's name without its nominative ending, the Korean reading of a personal name in Han characters, the Japanese
 * reading of a family or given name in kanji (translit-kanji.ts), another
 * family's spelling of a Latin one, and whether the word came from a script that leaves vowels unwritten.
 * Keyed by the word's first reading, as tokenize.ts splits it; a chunk whose readings split into a different
 * number of words than its first reading gives none (the words could not be paired).
 */
export interface WordReadings {
  alts: string[];
  /** Arabic-script, Hebrew or an abugida (Indic, Thai): vowels are missing, abjad-links.ts supplies them. */
  vowelless: boolean;
}

/**
 * Bounds (issue 18: no input may cost more than a few milliseconds). Each extra reading costs a
 * deletion-neighbourhood lookup, so a name gets at most MAX_READINGS; only the words the tokenizer keeps are read
 * (MAX_CHUNKS), and a word longer than MAX_CHUNK_CHARS (no real name's word) or a reading longer than
 * MAX_READING_CHARS gets none.
 */
export const MAX_READINGS = 6;
const MAX_CHUNKS = 32;
const MAX_CHUNK_CHARS = 40;
const MAX_READING_CHARS = 16;
/**
 * Another family's spelling of a plain Latin word is the most speculative reading and the one most words could
 * get (any "sz", "cz", "sch", "tch", "ou"): each links and fetches candidates, so a name gets at most two, and
 * only for words of 5+ letters (bench:worst's 8-letter words class: +45% with six).
 */
const MAX_FAMILY_READINGS = 2;
const MIN_FAMILY_WORD = 5;

const HANGUL = /[\uac00-\ud7a3]/;
const NON_ASCII = /[\u0080-\uffff]/;
/** Scripts with more than one reading: Latin with diacritics, Greek, Cyrillic, Hebrew, Arabic, kana, Hangul. */
const READABLE =
  /[\u00c0-\u024f\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff\u0590-\u06ff\u3041-\u30ff\uac00-\ud7a3]/;
const split = (s: string) =>
  dropApostrophes(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
export const COMPOUND_FIRST = new Set(arabic.compoundFirst.latin);

/** Other readings of one lower-case chunk; `first` is its first reading. */
function chunkReadings(lower: string, first: string, nonAscii: boolean): string[] {
  if (!nonAscii) return split(first).flatMap(families);
  if (HANGUL.test(lower)) return hangulReadings(lower).map(toAscii);
  if (HAS_KANA.test(lower)) return [toAscii(romaniseKana(lower, true))];
  if (HAS_HEBREW.test(lower)) return hebrewReadings(lower).map(toAscii);
  if (HAS_GREEK.test(lower)) return split(first).map((w) => greekStemReading(w) ?? w);
  return [...systemReadings(lower), ...split(first).flatMap(families)];
}

const families = (w: string) => (w.length >= MIN_FAMILY_WORD ? familyReadings(w) : []);

/** Readings of the words of a (segmented) name, by first reading; empty for most Latin names. */
export function readingsOf(segmented: string): Map<string, WordReadings> {
  const out = new Map<string, WordReadings>();
  let budget = MAX_READINGS;
  let familyBudget = MAX_FAMILY_READINGS;
  let chunks = 0;
  const all = segmented.split(/\s+/).filter((c) => c.length > 0);
  const hanName = isHanPersonName(all);
  // A single kanji has a Japanese reading only beside a family or given name of two or more (segment.ts split it).
  const kanjiName = !hanName && all.some((c) => c.length >= 2 && japaneseReading(c) !== undefined);
  for (const chunk of all) {
    if (++chunks > MAX_CHUNKS) break;
    if (chunk.length > MAX_CHUNK_CHARS) continue;
    const nonAscii = NON_ASCII.test(chunk);
    const vowelless = nonAscii && (HAS_ABJAD.test(chunk) || HAS_ABUGIDA.test(chunk));
    const japanese = kanjiName ? japaneseReading(chunk) : undefined;
    // Scripts with one reading here (Thai, Han outside a personal name …) and spent budgets skip the work.
    const readable = hanName || japanese !== undefined || READABLE.test(chunk);
    if (!vowelless && (budget <= 0 || (nonAscii && !readable))) continue;
    const lower = nonAscii ? chunk.normalize('NFKC').toLowerCase() : chunk.toLowerCase();
    const first = nonAscii ? toAscii(lower) : lower;
    const words = split(first);
    if (vowelless) for (const w of words) if (!out.has(w)) out.set(w, { alts: [], vowelless });
    if (budget <= 0) continue;
    const korean = hanName ? koreanReading(chunk) : undefined;
    const alts = hanName
      ? korean
        ? [korean]
        : []
      : japanese
        ? [japanese]
        : chunkReadings(lower, first, nonAscii);
    for (const alt of alts) {
      if (!nonAscii && familyBudget-- <= 0) break;
      const altWords = split(alt);
      if (altWords.length !== words.length && words.length !== 1) continue;
      // One word of the first reading ("kimjongun" unsegmented) against several: keep the joined form.
      const pieces = words.length === 1 ? [altWords.join('')] : altWords;
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        const a = pieces[i]!;
        if (a === w || a.length > MAX_READING_CHARS || budget <= 0) continue;
        const r = out.get(w) ?? { alts: [], vowelless };
        if (!r.alts.includes(a)) {
          r.alts.push(a);
          budget--;
        }
        out.set(w, r);
      }
    }
  }
  return out;
}
