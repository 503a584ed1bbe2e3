import { editSimilarity, maxEdits } from './edit-distance.ts';
import type { IndexData } from './index-data.ts';
import type { LinkFinder } from './prepare-query.ts';
import { skeleton } from './skeleton.ts';

/**
 * Links for one keystroke slip in a word as typed. Edit links are found between skeletons (skeleton.ts), and the
 * skeleton's folds can turn one slip into two or three edits: a letter dropped or doubled meets the collapse of
 * doubled letters ("Geeral" → "geral" is 2 edits from "general"; "Cofwfee" → "kofvfe" from "kofe"), a swap or an
 * inserted letter breaks or makes a digraph ("Suoth"/"South", "Sitsema"/"Sistema" through ts → c, "Floers"/
 * "Flowers" through oe → o, "Jabxr"/"Jaber" through x → ks, "Cgsar"/"Cesar" through the hard c). Measured on
 * `eval:match --set generated` (seed 1, at 625f226): 20 of the 27 missed typo cases were such a slip unlinked.
 *
 * Two ways back, each one edit, graded like any one-edit link (editSimilarity on the skeletons):
 * - the slip undone: the word with one letter deleted, two neighbours swapped or a vowel changed, skeletonised,
 *   is a vocabulary word (an inserted letter, a swap or a changed vowel, whatever the folds do around it);
 * - the word compared before the folds that multiply a slip: as typed, and with only the one-letter-for-one
 *   folds (w/v, q/k, y/j/i, hard c/k), with and without doubled letters collapsed, within one edit of a
 *   vocabulary word (a dropped or a changed letter).
 * Never on a different first letter, nor for a word of 3 letters or one that a repair leaves so short.
 * Bounded: a word of n letters (at most 32) costs 6n skeletons and three one-edit neighbourhood lookups.
 */
export const MIN_TYPO_CHARS = 4;

/** The one-letter-for-one folds of skeleton.ts: a slip next to them stays one slip. */
function letterFold(word: string): string {
  return word
    .replace(/c(?![eiyh])/g, 'k')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i');
}

const LETTERS = /^[a-z]+$/;
/**
 * A vowel decides the folds around it: the c before it (hard "komand", soft "cemand"), "ou" → u, "oe" → o, a
 * leading "ie" → e. One vowel changed then moves the skeleton two edits ("Cemmand"/"Command", "Escebar"/"Escobar",
 * "Moscew"/"Moscow", "Jeint"/"Joint", "Kaurf"/"Kourf"), and the word was left unlinked: 4 of the vowel-swap misses of
 * `eval:match --set variants`, seeds 1 and 2, were found so ("Cemmand", "Escebar", "Moscew", "Saneyi"). Each vowel
 * after the first letter is put back as each other vowel: at most 4n skeletons more for a word of n letters.
 */
const VOWELS = 'aeiou';

/**
 * Vocabulary id → similarity for the typed word `word` (plain ASCII, lower case) whose skeleton is `skel`; links
 * its own skeleton already has are left to it (the caller keeps the better of the two).
 */
export function typoLinks(d: IndexData, word: string, skel: string, find: LinkFinder): Map<number, number> {
  const out = new Map<number, number>();
  const n = word.length;
  if (n < MIN_TYPO_CHARS || !LETTERS.test(word)) return out;
  /** `from`: the string compared with the vocabulary word (a repair's skeleton, or a form of the word). */
  const add = (v: number, sim: number, from: string) => {
    const w = d.vocab[v]!;
    if (d.df[v] === 0 || w === skel || (out.get(v) ?? 0) >= sim) return;
    // Never on the first letter, which typists rarely miss and which tells short names apart ("Jing" is not
    // "Bing": their plain forms are one edit apart, their skeletons "ing" and "bing" are not linked).
    if (w[0] !== from[0]) return;
    out.set(v, sim);
  };
  // The slip undone: an inserted letter deleted, two swapped letters put back, a changed vowel put back.
  for (let i = 0; i < n; i++) {
    tryRepair(d, word.slice(0, i) + word.slice(i + 1), skel, add);
    if (i + 1 < n && word[i] !== word[i + 1])
      tryRepair(d, word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), skel, add);
    if (i > 0 && VOWELS.includes(word[i]!))
      for (const v of VOWELS)
        if (v !== word[i]) tryRepair(d, word.slice(0, i) + v + word.slice(i + 1), skel, add);
  }
  // A dropped or changed letter: the word before the folds, one edit from a vocabulary word.
  const folded = letterFold(word);
  const forms = new Set([word, folded, folded.replace(/(.)\1+/g, '$1')]);
  forms.delete(skel);
  for (const form of forms) for (const [v, sim] of find(d, form, 1)) add(v, sim, form);
  return out;
}

function tryRepair(
  d: IndexData,
  repaired: string,
  skel: string,
  add: (v: number, sim: number, from: string) => void,
) {
  // A repair must leave a word long enough to be told apart ("ikor" → "kor" is not "Inkor").
  if (maxEdits(repaired.length) === 0) return;
  const s = skeleton(repaired);
  if (s === skel) return;
  const v = d.vocabMap.get(s);
  if (v !== undefined) add(v, editSimilarity(1, skel, s), s);
}
