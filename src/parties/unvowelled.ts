import { VOWEL_LINK_SIM } from './abjad-links.ts';
import type { IndexData } from './index-data.ts';

/**
 * A list word romanised from Arabic or Hebrew script has only the vowels the script writes: the UK writes
 * "طارق بن الطاھر العوني" for "Tariq bin al-Tahar al-'Awni", read "tarq bn al tahr al uni" (translit-abjad.ts).
 * A Latin query's "tariq" is then one letter from "tarq", which the edit grade (0.74 at 5 letters) reads as a
 * misspelling of another name, and "awni" is two from "uni". The query word with some of its vowels left out,
 * and its diphthong aw written as the waw it is (u), is the script's spelling: such a form, looked up exactly,
 * links to a list word romanised from another script only (name-score.ts), graded as the query-side vowel
 * links are (abjad-links.ts, 0.9), kind `unvowelled`. A changed consonant is still only an edit ("Tarif").
 */

/** Consonants a form must keep (a diphthong's waw counts): one alone ("l" for "Ali") is any short name. */
const MIN_CONSONANTS = 2;
/** A form of two letters ("un") is too short to tell a name by. */
const MIN_LETTERS = 3;
/** Vowels and diphthongs a word may leave out: 2^6 forms at most, each one exact lookup (bounded per word). */
const MAX_CHOICES = 6;
const isVowel = (c: string | undefined) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
/** A w (v in a skeleton) after a vowel and before a consonant or the end: the second half of a diphthong. */
const isDiphthongW = (s: string, i: number) =>
  s[i] === 'v' && i > 0 && isVowel(s[i - 1]) && !isVowel(s[i + 1]);

/** The skeleton's forms without some vowels (a diphthong's w written u), itself excluded. */
export function unvowelledForms(skel: string): string[] {
  const choices: number[] = [];
  let consonants = 0;
  for (let i = 0; i < skel.length; i++) {
    // Only a vowel between consonants, or a diphthong's (a fatha): the scripts write a word's first and last
    // vowels (alif, ya, ta marbuta) and its long ones.
    const inner = i > 0 && i < skel.length - 1 && !isVowel(skel[i - 1]) && !isVowel(skel[i + 1]);
    const short = inner || isDiphthongW(skel, i + 1);
    if ((isVowel(skel[i]) && short) || isDiphthongW(skel, i)) choices.push(i);
    if (!isVowel(skel[i])) consonants++;
  }
  if (consonants < MIN_CONSONANTS || choices.length === 0 || choices.length > MAX_CHOICES) return [];
  const out = new Set<string>();
  for (let m = 1; m < 1 << choices.length; m++) {
    let s = '';
    let c = 0;
    for (let i = 0; i < skel.length; i++) {
      const k = choices.indexOf(i);
      const ch = skel[i]!;
      if (k < 0 || ((m >> k) & 1) === 0) {
        s += ch;
        if (!isVowel(ch)) c++;
      } else if (ch === 'v') {
        // The diphthong's w written as its waw, u ("avni" → "uni" with the a left out as well).
        s += 'u';
        c++;
      }
    }
    if (c >= MIN_CONSONANTS && s.length >= MIN_LETTERS) out.add(s);
  }
  return [...out];
}

/** Links of a person's query word to vocabulary words that spell it without some vowels. */
export function unvowelledLinks(d: IndexData, skel: string): Map<number, number> | undefined {
  let out: Map<number, number> | undefined;
  for (const form of unvowelledForms(skel)) {
    const v = d.vocabMap.get(form);
    if (v === undefined) continue;
    out ??= new Map();
    out.set(v, VOWEL_LINK_SIM);
  }
  return out;
}
