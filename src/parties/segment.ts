import { northernSurname } from './translit-hangul.ts';
import { japaneseNameParts } from './translit-kanji.ts';

/**
 * Scripts written without spaces between words. any-ascii romanises an unspaced run as one word ("通用技术集团…"
 * → "tongyongjishujituan…"), so a 300-character party name became one ~900-letter token whose deletion
 * neighbourhood took seconds. Splitting the run before romanising gives short tokens that glued pairs can
 * still join ("zhong"+"guo" meets "Zhongguo"), and the same split on list names and queries keeps a native
 * name matching its native form.
 *
 * - Han characters and Hangul syllable blocks are each one syllable: one token per character. ICU's word
 *   break keeps an unspaced Hangul run whole, and its Chinese dictionary splits personal names unpredictably.
 *   A Han run that is a Japanese family name and given name of the table is split in two (translit-kanji.ts).
 * - Thai, Lao, Khmer, Myanmar and kana go through Intl.Segmenter (ICU's dictionary word break, in Node's full
 *   ICU). Measured on 300 random characters: 0.05–0.7 ms, words of at most 24 characters.
 *
 * Only runs of these scripts are touched: Latin, Cyrillic, Arabic … reach the tokenizer unchanged.
 */
const SYLLABIC_RUN = /[\p{Script=Han}\p{Script=Hangul}]+/gu;
// The kana prolonged-sound and voicing marks are Script=Common but belong to the kana run around them.
const DICTIONARY_RUN =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u309b\u309c]+/gu;
const ANY_UNSPACED =
  /[\p{Script=Han}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Characters kept of one run. The tokenizer reads 64 words of a name and keeps 16, so the rest of a longer run
 * is never used; cutting it first keeps the segmenter's work bounded (0.3–0.7 ms for 300 kana or Myanmar
 * characters, a tenth of that for 64). The real lists' longest run in these scripts is under 40 characters.
 */
export const MAX_RUN_CHARS = 64;

const SHORT_HIRAGANA = 12;
const ALL_HIRAGANA = /^\p{Script=Hiragana}+$/u;
/**
 * A foreign name in katakana is written with a middle dot between its words ("バラク・オバマ"): the writer has
 * split it already, and ICU's Japanese dictionary would split it again into Japanese words ("バラ|ク", "プー|チン").
 */
const NAME_DOT = /[\u30fb\uff65]/;
const ALL_KATAKANA = /^[\p{Script=Katakana}\u30fc]+$/u;

const words = new Intl.Segmenter('und', { granularity: 'word' });

const head = (run: string) => (run.length > MAX_RUN_CHARS ? [...run].slice(0, MAX_RUN_CHARS).join('') : run);

/** The text with a space between the syllables or words of each unspaced-script run (NFKC first). */
export function segmentUnspaced(text: string): string {
  if (!ANY_UNSPACED.test(text)) return text;
  // NFKC first: half-width katakana and compatibility Hangul become the forms the patterns know.
  // A Hangul name's surname is read while the run is whole (translit-hangul.ts northernSurname).
  let s = text.normalize('NFKC').replace(SYLLABIC_RUN, (run) => {
    // A Japanese name in kanji is read as a family and a given name, not a syllable a character.
    const parts = japaneseNameParts(run);
    return ` ${parts ? parts.join(' ') : [...head(northernSurname(run))].join(' ')} `;
  });
  const dotted = NAME_DOT.test(s);
  s = s.replace(DICTIONARY_RUN, (run) => {
    // ICU splits short hiragana names into single kana ("あべ" → "あ", "べ"); a name-length run stays whole.
    if (run.length <= SHORT_HIRAGANA && ALL_HIRAGANA.test(run)) return ` ${run} `;
    if (dotted && run.length <= SHORT_HIRAGANA && ALL_KATAKANA.test(run)) return ` ${run} `;
    const out: string[] = [];
    for (const w of words.segment(head(run))) out.push(w.segment);
    return ` ${out.join(' ')} `;
  });
  return s;
}
