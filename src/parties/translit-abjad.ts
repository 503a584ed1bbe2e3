import arabic from './data/translit/arabic.json' with { type: 'json' };
import hebrew from './data/translit/hebrew.json' with { type: 'json' };

/**
 * Arabic, Persian and Hebrew write consonants and long vowels only ("الحوثي" is h-w-th-y), so no table gives the
 * lists' spelling ("al-Houthi", "al-Huthi"): a word is read letter by letter (data/translit/arabic.json,
 * hebrew.json) and the query side tolerates the vowels it lacks (abjad-links.ts). What the tables settle:
 * - waw/ya (vav/yod) at the start of a word or before alif are consonants (w, y: "Walid", "Marwan"), elsewhere
 *   long vowels (u, i: "Houthi", "Husayn");
 * - the article "ال" is its own word ("al"), as lists write it ("al-Malik", "Al Nour"), except after "عبد"/"ابو",
 *   where lists write it in four ways ("Abd al-Malik", "Abdulmalik", "Abdel Malek", "Abd Al Malik"): it is
 *   dropped there, and the query side links the pair as one word too (query-readings.ts);
 * - ta marbuta is "a" ("Fatima"), alif maqsura "a" ("Musa").
 */
const AR: Record<string, string> = arabic.letters;
const AR_YA = new Set(arabic.ya.letters);
const ALIF = new Set(['ا', 'أ', 'إ', 'آ']);
const AR_WORD = /[\u0620-\u064a\u064b-\u0652\u0671-\u06d3\u06cc]+/g;
const HE: Record<string, string> = hebrew.letters;
const HE_INITIAL: Record<string, string> = hebrew.initial;
const HE_WORD = /[\u05d0-\u05ea\u05f3\u05f4]+/g;

const AR_WORDS: Record<string, string> = arabic.words;

function arabicWord(w: string): string {
  const whole = AR_WORDS[w];
  if (whole !== undefined) return whole;
  let s = w;
  let prefix = '';
  if (s.length > 3 && s.startsWith(arabic.article)) {
    prefix = 'al ';
    s = s.slice(2);
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1];
    const consonantal = i === 0 || (next !== undefined && ALIF.has(next));
    if (c === 'و') out += consonantal ? arabic.waw.consonant : arabic.waw.vowel;
    else if (AR_YA.has(c)) out += consonantal ? arabic.ya.consonant : arabic.ya.vowel;
    else out += AR[c] ?? '';
  }
  return prefix + out;
}

function hebrewWord(w: string, vavVowel: string, finalHe?: string, hard = false): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    if (finalHe !== undefined && i === w.length - 1 && i >= 2 && w[i] === 'ה') {
      out += finalHe;
      continue;
    }
    const c = w[i]!;
    // A doubled vav or yod is the consonant; a single one inside a word is usually a vowel letter.
    if ((c === 'ו' || c === 'י') && w[i + 1] === c) {
      out += c === 'ו' ? hebrew.vav.double : hebrew.yod.double;
      i++;
      continue;
    }
    if (c === 'ו') out += i === 0 ? hebrew.vav.consonant : vavVowel;
    else if (c === 'י') out += i === 0 ? hebrew.yod.consonant : hebrew.yod.vowel;
    else out += (i === 0 || hard ? HE_INITIAL[c] : undefined) ?? HE[c] ?? '';
  }
  return out;
}

export const HAS_ABJAD = /[\u0620-\u064a\u0671-\u06d3\u05d0-\u05ea]/;

// Not in "الله" (Allah): a word of its own, read whole (arabic.json words), not the article of a name after it.
const COMPOUND_ARTICLE = new RegExp(
  `(^|\\s)(${arabic.compoundFirst.arabic.join('|')})\\s+${arabic.article}(?=\\S)(?!له(?:\\s|$))`,
  'g',
);

/** Arabic-script and Hebrew words of `text` in Latin letters; other characters unchanged. */
export function romaniseAbjad(text: string): string {
  return text
    .replace(COMPOUND_ARTICLE, '$1$2 ')
    .replace(AR_WORD, arabicWord)
    .replace(HE_WORD, (w) => hebrewWord(w, hebrew.vav.vowel));
}

export const HAS_HEBREW_VAV = /[\u05d0-\u05ea]\u05d5/;

/**
 * Other readings of Hebrew `text`, for the query side: a vav inside a word read as "u" (Netanyahu, Yehuda) or as
 * the consonant v (David, Levi) rather than "o" (Yosef); a word-final he as an unwritten vowel (Moshe, Sarah), which
 * abjad-links.ts supplies, rather than h; bet, kaf, pe inside a word as b, k, p (Rabin) rather than v, kh, f.
 */
export function hebrewReadings(text: string): string[] {
  const out: string[] = [];
  const read = (vav: string, finalHe?: string, hard = false) =>
    text.replace(HE_WORD, (w) => hebrewWord(w, vav, finalHe, hard));
  if (HAS_HEBREW_VAV.test(text)) out.push(read(hebrew.vav.vowelAlt), read(hebrew.vav.vowelConsonantAlt));
  if (HAS_FINAL_HE.test(text)) out.push(read(hebrew.vav.vowel, hebrew.finalHe.vowel));
  if (HAS_INNER_BKP.test(text)) out.push(read(hebrew.vav.vowel, undefined, true));
  return out;
}

// Unpointed Hebrew does not show whether bet, kaf, pe are hard (b, k, p) or soft (v, kh, f) inside a word
// (רבין is Rabin, יעקב Yaakov): the first reading takes them soft, this one hard (hebrew.json `hard`).
const HAS_INNER_BKP = /[\u05d0-\u05ea][\u05d0-\u05ea]*[\u05d1\u05db\u05e4]/;
const HAS_FINAL_HE = /[\u05d0-\u05ea]{2}\u05d4(?![\u05d0-\u05ea])/;
export const HAS_HEBREW = /[\u05d0-\u05ea]/;
