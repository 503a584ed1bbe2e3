/**
 * An organisation's name written out with its own acronym beside it: the UN's "FOREIGN TRADE BANK (FTB)", "KOREA
 * MINING DEVELOPMENT TRADING CORPORATION (KOMID)". The acronym repeats the words next to it, so it tells the name
 * from no other: another list writing "Foreign Trade Bank" alone is the same name, and a customer typing it with
 * the acronym is too. org-generic.ts marks such a word as a generic word of status (it weighs little on both sides
 * and never makes a hit alone); a short word that spells nothing next to it stays a distinctive word.
 */
const MIN_LETTERS = 3;
const MAX_LETTERS = 5;
/** Words an acronym skips: "Bank *of* Korea", "Ministry *of* *the* Interior". */
const CONNECTORS = new Set(['of', 'the', 'and', 'for']);

/** Do the words ending at `end` (backwards) or starting at `start` spell `letters` by their first letters? */
function spells(words: readonly string[], letters: string, from: number, step: 1 | -1): boolean {
  let k = step === 1 ? 0 : letters.length - 1;
  let used = 0;
  for (let j = from; j >= 0 && j < words.length && k >= 0 && k < letters.length; j += step) {
    const w = words[j]!;
    if (used > 0 && CONNECTORS.has(w)) continue;
    if (w[0] !== letters[k]) return false;
    k += step;
    used++;
  }
  return k < 0 || k >= letters.length;
}

/** Positions of words that are the acronym of the words right before or right after them. */
export function echoedAcronyms(words: readonly string[]): boolean[] {
  const out = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length < MIN_LETTERS || w.length > MAX_LETTERS || !/^[a-z]+$/.test(w)) continue;
    out[i] = spells(words, w, i - 1, -1) || spells(words, w, i + 1, 1);
  }
  return out;
}
