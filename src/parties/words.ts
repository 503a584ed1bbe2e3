import { nameForms } from './nicknames.ts';
import { joinDigits, normaliseNumbers } from './number-words.ts';
import { segmentUnspaced } from './segment.ts';
import { skeleton } from './skeleton.ts';
import { titleRun, titleRunAfterComma } from './titles.ts';
import { toAscii } from './translit.ts';

/**
 * An apostrophe between two letters joins them ("O’Brien", "Sa'd"); anywhere else it is a quotation mark and
 * parts words: the EU writes "Republic of Crimea’‘Universal-Avia", which must not read as "crimeauniversal".
 * An English possessive ending a word of three letters or more is dropped ("NORTH KOREA'S …", "Gazprom's"): a
 * customer writes the name with or without it. Shorter words keep it: "Ra's" (Arabic "head", "Ra's al-Khaymah").
 */
const POSSESSIVE = /(?<=\p{L}{3})['’ʼ][sS](?![\p{L}\p{N}])/gu;
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ`ʻ‘](?=[\p{L}\p{N}])/gu;
const APOSTROPHES = /['’ʼ`ʻ‘]/g;
const ANY_APOSTROPHE = /['’ʼ`ʻ‘]/;
/** Most names have none: the passes (with Unicode look-behinds) run only when there is one. */
export const dropApostrophes = (s: string) =>
  ANY_APOSTROPHE.test(s)
    ? s.replace(POSSESSIVE, '').replace(INNER_APOSTROPHE, '').replace(APOSTROPHES, ' ')
    : s;
/**
 * Initialisms: a run of 2+ single letters joined by dots with no space ("s.t.k.", "s.t.k") or by spaces with
 * no dot ("s t k") is one word, as written without them ("stk"). "V. Putin", "V. V. Putin" (dot and space)
 * stay initials. Not applied to persons: "V.V. Putin" is two initials. Legal forms go through the same
 * step ("d.o.o." → "doo", "l.l.c." → "llc"), so both spellings meet.
 */
const DOTTED_RUN = /(?<![a-z0-9])[a-z](?:\.[a-z])+\.?(?![a-z0-9])/g;
const SPACED_RUN = /(?<![a-z0-9.])[a-z](?: +[a-z])+(?![a-z0-9.])/g;
/** A lone letter with its dot: a given name written as an initial ("D. S. PEEVSKI", "ZHOU J."). */
const DOTTED_INITIAL = /(?<![a-z0-9.])[a-z]\.(?![a-z0-9])/;
/** The same in Cyrillic or Greek, read on the name as written: "Ю." romanises to "yu.". */
const DOTTED_LETTER = /(?<![\p{L}\p{N}])[\p{Script=Cyrillic}\p{Script=Greek}]\./u;

export interface NameWords {
  words: string[];
  /** Organisations: whether a comma comes right before each word (absent when number words were joined). */
  commaBefore?: boolean[];
  /** How many leading words are titles (persons only). */
  titles: number;
  /** Persons only: how many words come before the first comma ("JADHRAN, Ibrahim": the family name), else 0. */
  beforeComma: number;
  /** Persons only: how many words right after that comma are titles ("AL ZAWAHIRI, Dr. Ayman"). */
  commaTitles: number;
  /**
   * Persons only: the words written in capitals in a name that is not all capitals ("Ibrahim Saeed Salim
   * JADHRAN", "Francisco Javier DIAZ MADRIZ": the UN and UK lists' way of marking the family name), or null.
   */
  upper: boolean[] | null;
  /**
   * Persons only: the words written as one Cyrillic or Greek letter ("К. Ю. ГУБАРЕВА"), initials though their
   * romanisation has two letters or more ("yu", "zh", "kh", "shch"), or null.
   */
  letters: boolean[] | null;
}

/**
 * A name as plain ASCII words, before legal forms and skeletons: transliterated, unspaced scripts segmented,
 * split on anything but letters and digits, at most `maxWords` words. Organisation names (and names of
 * unknown kind) also get initialisms joined, "&" read as "and" and number words as digits; person names have
 * their leading titles counted. Lists and queries go through the same steps, so they stay comparable.
 */
export function nameWords(raw: string, person: boolean, maxWords: number): NameWords {
  let s = asciiOf(raw);
  if (!person) {
    s = s
      .replace(/&/g, ' and ')
      .replace(DOTTED_RUN, (m) => m.replace(/\./g, ''))
      .replace(SPACED_RUN, (m) => m.replace(/ /g, ''));
  }
  const split = s
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, maxWords);
  if (!person) {
    const words = normaliseNumbers(split);
    const none = { words, titles: 0, beforeComma: 0, commaTitles: 0, upper: null, letters: null };
    return words.length === split.length && s.includes(',')
      ? { ...none, commaBefore: commasBefore(s, words.length) }
      : none;
  }
  const words = joinDigits(split);
  const comma = s.indexOf(',');
  const beforeComma = comma > 0 ? (s.slice(0, comma).match(/[a-z0-9]+/g) ?? []).length : 0;
  const commaTitles = titleRunAfterComma(words, beforeComma);
  return {
    words,
    titles: titleRun(words, commaAfterWord(s)),
    beforeComma,
    commaTitles,
    upper: capitals(raw, words.length),
    letters: oneLetterWords(raw, words.length),
  };
}

/** Written words, when they pair one to one with the `count` ASCII words (else null). */
function writtenWords(raw: string, count: number): string[] | null {
  const written = raw
    .replace(APOSTROPHES, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return written.length === count ? written : null;
}

/** Alphabets whose one letter romanises to several (Ю "yu", Щ "shch", Θ "th"); CJK characters are syllables. */
const ONE_LETTER = /^[\p{Script=Cyrillic}\p{Script=Greek}]$/u;

/** See NameWords.letters. */
function oneLetterWords(raw: string, count: number): boolean[] | null {
  if (!/[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(raw)) return null;
  const letters = writtenWords(raw, count)?.map((w) => ONE_LETTER.test(w));
  return letters?.some(Boolean) ? letters : null;
}

/** See NameWords.upper: read on the name as written, when its words pair one to one with the ASCII words. */
function capitals(raw: string, count: number): boolean[] | null {
  if (!/\p{Ll}/u.test(raw)) return null;
  const written = writtenWords(raw, count);
  if (!written) return null;
  const upper = written.map((w) => w.length >= 2 && /^\p{Lu}+$/u.test(w));
  return upper.some(Boolean) ? upper : null;
}

/** Whether a comma separates each of the first `n` words of an ASCII name from the word before it. */
function commasBefore(s: string, n: number): boolean[] {
  const out: boolean[] = [];
  let last = 0;
  for (const m of s.matchAll(/[a-z0-9]+/g)) {
    if (out.length >= n) break;
    out.push(s.slice(last, m.index).includes(','));
    last = m.index + m[0].length;
  }
  return out;
}

/** For the title rule: whether a comma follows the k-th word of an ASCII name. */
function commaAfterWord(s: string): (k: number) => boolean {
  return (k) => {
    let seen = -1;
    for (const m of s.matchAll(/[a-z0-9]+/g)) {
      if (++seen < k) continue;
      return /^[^a-z0-9]*,/.test(s.slice(m.index + m[0].length));
    }
    return false;
  };
}

/**
 * A name of unknown kind is read as a person as well (search.ts), and each reading tokenizes it: the ASCII form
 * is the same for all three looks at the name, and romanising a long name in another script is most of the
 * work, so the last few are kept. Bounded, so index builds (every list name once) keep no garbage.
 */
const ASCII_MEMO = 64;
const asciiMemo = new Map<string, string>();
function asciiOf(raw: string): string {
  let s = asciiMemo.get(raw);
  if (s === undefined) {
    s = dropApostrophes(toAscii(segmentUnspaced(raw)));
    if (asciiMemo.size >= ASCII_MEMO) asciiMemo.clear();
    asciiMemo.set(raw, s);
  }
  return s;
}

/**
 * A person's name has a handful of words. Counted on every person name of the real lists (bench/support's
 * loader): the longest one name has 11 words, a nasab chain ("Zine El Abidine Ben Haj Hamda Ben Haj Hassen BEN
 * ALI"), or 12 with its native-script copy; the only longer ones are eu-oj names holding their aliases in
 * brackets. A name of unknown kind with more words than this is read as an organisation only: reading
 * it as a person as well doubles its cost (bench:worst), and a 60-word "person" is no one's name.
 */
export const MAX_PERSON_WORDS = 12;

/**
 * Whether a name of unknown kind reads differently as a person: initials the organisation reading would join
 * ("V.V. Putin") or leaves without a person's rules ("D. S. PEEVSKI": initials-found.ts), leading titles ("General Ivan Petrov") or a given name with short or full forms ("Bill
 * Gates"). Such a name is then screened both ways (search.ts); the organisation reading alone would turn
 * "V.V." into one unknown word and never link "Bill" to "William".
 */
export function readsDifferentlyAsPerson(raw: string): boolean {
  const s = asciiOf(raw);
  const words = s.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  if (words.length > MAX_PERSON_WORDS) return false;
  DOTTED_RUN.lastIndex = 0;
  SPACED_RUN.lastIndex = 0;
  if (DOTTED_RUN.test(s) || SPACED_RUN.test(s) || DOTTED_INITIAL.test(s) || DOTTED_LETTER.test(raw))
    return true;
  return titleRun(words, commaAfterWord(s)) > 0 || words.some((w) => nameForms(skeleton(w)).size > 0);
}
