import { tokenHash } from './deletions.ts';
import { delFirst, type IndexData } from './index-data.ts';

/**
 * Links for a word read from a script that leaves short vowels unwritten: "mlk" (ملك) is "Malik", "Malek" or
 * "Mulk" on a list. A vocabulary word links when it has the same consonants in the same order. Found through the
 * deletion index, not a scan: the consonants plus up to MAX_INSERTED vowels, each candidate looked up as a
 * deletion hash, reaches every word whose remaining vowels its stored deletions (1–2 letters) cover — "malik",
 * "abdulmalik", "mohammed" from "mhmd". The word as read (with the long vowels its script writes: "vlaiti") is
 * a second base, which reaches vowel-rich words ("velayati") the bare consonants cannot. Cost: at most
 * (n+1)(n+2)/2 · 25 hash probes per base of n letters (~1,700 at the cap of 10 letters), a fraction of a millisecond.
 */
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const MAX_INSERTED = 2;
export const MAX_LETTERS = 10;
/** Below a written spelling: the vowels are a guess that happens to fit. */
export const VOWEL_LINK_SIM = 0.9;

const consonants = (s: string) => s.replace(/[aeiou]/g, '');

export function vowelTolerantLinks(d: IndexData, skel: string): Map<number, number> {
  const out = new Map<number, number>();
  const cons = consonants(skel);
  if (cons.length === 0 || skel.length > MAX_LETTERS) return out;
  const seen = new Set<string>();
  const probe = (s: string) => {
    if (seen.has(s)) return;
    seen.add(s);
    const first = delFirst(d, tokenHash(s));
    if (first < 0) return;
    for (let i = first; i < d.delHash.length && d.delHash[i] === d.delHash[first]; i++) {
      const v = d.delVocab[i]!;
      if (!out.has(v) && consonants(d.vocab[v]!) === cons) out.set(v, VOWEL_LINK_SIM);
    }
  };
  const insert = (s: string, from: number, left: number) => {
    probe(s);
    if (left === 0) return;
    // Insert at gap `from` or later, so each multiset of insertions is generated once per order.
    for (let g = from; g <= s.length; g++) {
      for (const v of VOWELS) insert(s.slice(0, g) + v + s.slice(g), g + 1, left - 1);
    }
  };
  insert(skel, 0, MAX_INSERTED);
  // One consonant alone ("l") would reach every short word around it: only the written form ("li" → "ali").
  if (cons.length >= 2 && cons !== skel) insert(cons, 0, MAX_INSERTED);
  return out;
}
