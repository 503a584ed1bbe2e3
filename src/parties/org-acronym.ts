import { readTable } from './data-table.ts';
import type { IndexData } from './index-data.ts';
import type { PreparedName } from './prepare-query.ts';
import { skeleton } from './skeleton.ts';
import { GENERIC, INITIAL, TAIL } from './tokenize.ts';

/**
 * An organisation's acronym in the query spelling out words of the list name: EU "JSC SEZ Alabuga" / OFAC
 * "JOINT STOCK COMPANY SPECIAL ECONOMIC ZONE OF INDUSTRIAL PRODUCTION ALABUGA", "Otkritie FC Bank" / "BANK
 * FINANCIAL CORPORATION OTKRITIE". Lists shorten and expand the descriptive part of a name freely; the
 * distinctive word stays. An acronym alone proves nothing (many firms share three letters: issue 19's "IBM",
 * "CGI"), so it is aligned only beside a word both names write alike (name-score.ts checks that), and it links
 * only letter by letter to consecutive list words, a connector ("of", "the", "and", "for") skipped between.
 */
export const ACRONYM_SIM = 0.9;
const MIN_LETTERS = 2;
const MAX_LETTERS = 5;
/** Skeletons (skeleton.ts) of words an acronym skips: "Special Economic Zone *of* Industrial Production". */
const CONNECTORS = new Set(['of', 'te', 'and', 'for']);

/**
 * Russian descriptor abbreviations and the English the lists translate them with (data/org-descriptors.csv): the
 * EU's "NPK TEKHMASH OAO" is its own "Joint Stock Company Scientific Production Concern Tekhmash"; the English
 * does not spell the Russian letters (NPK: Nauchno-Proizvodstvenny Kontsern), so the words are listed. Skeletons,
 * connectors left out as the letter-by-letter match skips them.
 */
const DESCRIPTORS = new Map<string, string[][]>();
for (const row of readTable('org-descriptors.csv')) {
  const words = (row.expansion ?? '').split(' ').filter(Boolean).map(skeleton);
  const list = DESCRIPTORS.get(row.abbreviation ?? '') ?? [];
  list.push(words.filter((w) => !CONNECTORS.has(w)));
  DESCRIPTORS.set(row.abbreviation ?? '', list);
}

/**
 * A word's first letter as skeletons write it: skeleton.ts turns a hard c, q and x into k, y and j into i and w
 * into v, so "Company"/"Corporation" begin with k there but "Central" with c; an acronym's C is either.
 */
function initialClass(ch: string): string {
  switch (ch) {
    case 'c':
    case 'q':
    case 'x':
      return 'k';
    case 'y':
    case 'j':
      return 'i';
    case 'w':
      return 'v';
    default:
      return ch;
  }
}

/**
 * A name with an acronym is an acronym or two beside the words it does not abbreviate ("JSC SEZ Alabuga"). A
 * name of many short words is something else (a Han, Hangul or kana name typed without spaces is read as one
 * syllable a word): every short word tried against every list word run cost each candidate that much more
 * (bench:worst's unspaced classes 10 → 38 ms a party, most cut short), for no acronym.
 */
const MAX_WORDS = 8;
const MAX_ACRONYMS = 2;

/** Query positions that may be an acronym: an organisation's word of 2–5 letters, not generic, not an initial. */
export function acronymCandidates(
  words: readonly string[],
  flags: readonly number[],
  person: boolean,
): number {
  if (person || words.length > MAX_WORDS) return 0;
  let m = 0;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length < MIN_LETTERS || w.length > MAX_LETTERS || !/^[a-z]+$/.test(w)) continue;
    // A descriptor abbreviation is a generic word, yet it stands for list words (DESCRIPTORS).
    if (flags[i]! & INITIAL || (flags[i]! & GENERIC && !DESCRIPTORS.has(w))) continue;
    if (++count > MAX_ACRONYMS) return 0;
    m |= 1 << i;
  }
  return m;
}

/**
 * Calls `found(queryPosition, listMask)` for each candidate word of the query whose letters are the first
 * letters of consecutive list words (2+ of them, none taken by `usedC`, connectors between them included).
 */
export function acronymPairs(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  found: (qi: number, listMask: number) => void,
): void {
  for (let i = 0; i < q.words.length && i < 31; i++) {
    if (!(q.acronymMask & (1 << i))) continue;
    const letters = q.words[i]!;
    for (let start = ts; start < te; start++) {
      const mask = spelledFrom(d, letters, start, te) || translatedFrom(d, letters, start, te);
      if (mask !== 0) found(i, mask << (start - ts));
    }
  }
}

/**
 * The candidate words that spell out some run of list name `n`'s words: retrieval's bound (search.ts) counts
 * them as possible only then, since scoring every candidate of a query with a short word cost +57% candidates.
 */
export function acronymsIn(d: IndexData, q: PreparedName, n: number): number {
  const ts = d.tokStart[n]!;
  const te = d.tokStart[n + 1]!;
  let m = 0;
  for (let i = 0; i < q.words.length && i < 31; i++) {
    if (!(q.acronymMask & (1 << i))) continue;
    for (let start = ts; start < te; start++)
      if ((spelledFrom(d, q.words[i]!, start, te) || translatedFrom(d, q.words[i]!, start, te)) !== 0) {
        m |= 1 << i;
        break;
      }
  }
  return m;
}

/** The mask (relative to `start`) of the words whose initials spell `letters` from `start` on, or 0. */
function spelledFrom(d: IndexData, letters: string, start: number, te: number): number {
  let mask = 0;
  let k = 0;
  for (let j = start; j < te && k < letters.length; j++) {
    if (d.tokFlags[j]! & (INITIAL | TAIL)) return 0;
    const skel = d.vocab[d.tokVocab[j]!]!;
    if (k > 0 && CONNECTORS.has(skel)) {
      mask |= 1 << (j - start);
      continue;
    }
    if (skel.length < 2 || initialClass(skel[0]!) !== initialClass(letters[k]!)) return 0;
    mask |= 1 << (j - start);
    k++;
  }
  return k === letters.length ? mask : 0;
}

/** The mask (relative to `start`) of list words that are one of the abbreviation's English expansions, or 0. */
function translatedFrom(d: IndexData, word: string, start: number, te: number): number {
  const expansions = DESCRIPTORS.get(word);
  if (!expansions) return 0;
  for (const words of expansions) {
    let mask = 0;
    let k = 0;
    for (let j = start; j < te && k < words.length; j++) {
      if (d.tokFlags[j]! & (INITIAL | TAIL)) break;
      const skel = d.vocab[d.tokVocab[j]!]!;
      if (k > 0 && CONNECTORS.has(skel)) {
        mask |= 1 << (j - start);
        continue;
      }
      if (skel !== words[k]) break;
      mask |= 1 << (j - start);
      k++;
    }
    if (k === words.length) return mask;
  }
  return 0;
}
