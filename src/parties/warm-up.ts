import { tokenizeName } from './tokenize.ts';
import { toAscii } from './translit.ts';

/**
 * Code point ranges of the scripts the tokenizer segments (see segment.ts): any-ascii decodes its table for a
 * 256-code-point block on the first character it meets from it, and ICU loads its word-break dictionaries on
 * first use. Left to the first screening that needs them, a party in Han, Hangul or kana cost 40-75 ms of CPU
 * instead of ~10 (bench:worst, cold first party); done once at start it costs ~25 ms.
 */
const SEGMENTED_RANGES: readonly [number, number][] = [
  [0x3040, 0x30ff], // hiragana, katakana
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0x0e00, 0x0eff], // Thai, Lao
  [0x1000, 0x109f], // Myanmar
  [0x1780, 0x17ff], // Khmer
];

/** One word per script, to make ICU load what segmenting it needs. */
const SCRIPT_SAMPLES = ['ソーサンアウン', 'สวัสดีครับ', 'ສະບາຍດີ', 'សួស្តី', 'မင်္ဂလာပါ', '김영복', '金铁三'];

/** Loads the transliteration and segmentation tables the matching of unspaced scripts needs. */
export function warmUpNameTables(): void {
  let sample = '';
  for (const [from, to] of SEGMENTED_RANGES) {
    for (let c = from; c <= to; c += 256) sample += String.fromCodePoint(c);
  }
  toAscii(sample);
  for (const word of SCRIPT_SAMPLES) tokenizeName(word);
}
