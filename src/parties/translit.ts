import anyAscii from 'any-ascii';
import { HAS_ABJAD, romaniseAbjad } from './translit-abjad.ts';
import { HAS_ABUGIDA, settleAbugida } from './translit-abugida.ts';
import { HAS_GREEK, romaniseGreekDigraphs } from './translit-greek.ts';
import { romaniseHangul } from './translit-hangul.ts';
import { HAS_KANA, romaniseKana } from './translit-kana.ts';

/**
 * Deterministic romanisation to lower-case ASCII. any-ascii already follows BGN/PCGN-like Cyrillic
 * (Щ→shch, Х→kh, Ж→zh, Ц→ts, Й→y, Я→ya, Ю→yu), so we only override where its choice loses information
 * we need: Greek digraphs (translit-greek.ts), Serbian/Croatian Đ (→dj, not "d") and Ukrainian Є/Ї/Ґ.
 * Hangul, kana, Arabic-script and Hebrew words are read from our own tables first (translit-*.ts): any-ascii
 * reads them letter by letter, which meets neither the lists' spelling nor a typist's. Remaining spelling
 * differences are folded by the skeleton key or met through the query side's extra readings (readings.ts).
 */

const CHAR_OVERRIDES: Record<string, string> = {
  đ: 'dj',
  є: 'ye',
  ї: 'yi',
  ґ: 'g',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
};

const HANGUL = /[\uac00-\ud7a3]/;
const NEEDS_OVERRIDE = /[đєїґßøæœ]/;

export function toAscii(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (HAS_GREEK.test(s)) s = romaniseGreekDigraphs(s);
  if (HANGUL.test(s)) s = romaniseHangul(s);
  if (HAS_KANA.test(s)) s = romaniseKana(s);
  if (HAS_ABJAD.test(s)) s = romaniseAbjad(s);
  if (HAS_ABUGIDA.test(s)) s = settleAbugida(s);
  if (NEEDS_OVERRIDE.test(s)) s = s.replace(/[đєїґßøæœ]/g, (c) => CHAR_OVERRIDES[c] ?? c);
  // any-ascii maps non-Latin letters to capitalised syllables ("ZhongGuo") and Arabic ayn to a backtick;
  // lower-casing again keeps tokens comparable, punctuation is dropped by the tokenizer.
  return anyAscii(s).toLowerCase();
}
