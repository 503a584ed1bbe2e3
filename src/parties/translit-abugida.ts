import table from './data/translit/abugida.json' with { type: 'json' };

/**
 * Scripts whose consonants carry an unwritten vowel (Indic abugidas, Thai, Lao, Khmer, Myanmar): any-ascii reads
 * them letter by letter and leaves that vowel out ("नरेंद्र" → "nremdr"), so, like an abjad, a word is read as its
 * consonants and the query side supplies the vowels (abjad-links.ts). What the table settles before any-ascii
 * (data/translit/abugida.json): an anusvara is n, or m before a labial ("gandhi", "singh", not "gamdhi",
 * "simgh"); the sibilants श ष are sh ("Shah"); a Thai vowel written before its consonant is read after it ("เสรี" → seri, not "esri"); a Thai letter
 * under the silence mark is dropped; a Thai word-final yo after a vowel is i ("chai"); Khmer ប៉ is p.
 */
export const HAS_ABUGIDA = /[\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/;

const LETTERS: Record<string, string> = table.letters;
const LETTER = new RegExp(Object.keys(LETTERS).join('|'), 'g');
const SH = new RegExp(`[${table.sh}]`, 'g');
const ANUSVARA = new RegExp(`[${table.anusvara}](?=([${table.labialsAfterAnusvara}])?)`, 'g');
const THAI = '\\u0e01-\\u0e2e';
// A consonant, then ร/ล/ว as the second of a cluster when no vowel mark follows it (เปรม is prem, เสรี is se-ri).
const PREPOSED = new RegExp(
  `([${table.thaiPreposedVowels}])([${THAI}](?:[\\u0e23\\u0e25\\u0e27](?![\\u0e30-\\u0e39\\u0e47-\\u0e4e]))?)`,
  'g',
);
const SILENT = new RegExp(`[${THAI}][\\u0e34\\u0e38]?${table.thaiSilentMark}`, 'g');
const FINAL_YO = new RegExp(`([\\u0e30-\\u0e39\\u0e47])${table.thaiFinalYo}(?![\\u0e00-\\u0e7f])`, 'g');

/** `text` with its abugida spellings settled as above; other characters unchanged. */
export function settleAbugida(text: string): string {
  return text
    .replace(LETTER, (l) => LETTERS[l] ?? l)
    .replace(SH, 'sh')
    .replace(ANUSVARA, (_, labial: string | undefined) => (labial ? 'm' : 'n'))
    .replace(SILENT, '')
    .replace(PREPOSED, '$2$1')
    .replace(FINAL_YO, `$1${table.thaiFinalYoAfterVowel}`);
}
