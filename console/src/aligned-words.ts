/**
 * Which words of the screened name went with which words of the list entry's name, read from the `name` part
 * of a finding's explanation. src/parties/name-explain.ts writes it as pairs of `+`-joined words in the
 * engine's normal form, then notes after the first `;`:
 *   "walid=walid (exact), harbi≈harby (translit 0.97); unmatched: query bin; query covered 80%, …"
 * The console marks those words on both sides so an officer sees what the score rests on, and what it does not.
 */
export interface AlignedPair {
  query: string[];
  list: string[];
  /** "exact", "translit 0.97", "edit 0.9", … as the explanation says it. */
  grade: string;
}

const PAIR = /^(\S+?)([=≈~])(\S+) \(([^)]*)\)$/u;

export function alignedPairs(detail: string | undefined): AlignedPair[] {
  const head = detail?.split(';')[0]?.trim() ?? '';
  if (!head || head === 'no word aligned') return [];
  return head.split(', ').flatMap((part) => {
    const m = PAIR.exec(part.trim());
    return m ? [{ query: m[1]!.split('+'), list: m[3]!.split('+'), grade: m[4]! }] : [];
  });
}

/**
 * A displayed word as the engine keys it, near enough to find it again: no accents, lower case, letters and
 * digits only ("d.o.o." is "doo"). Words written in another script are transliterated by the engine, so they
 * find no key here and stay unmarked: the console never marks a word the engine did not align.
 */
export const wordKey = (w: string): string =>
  w
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

export interface Segment {
  text: string;
  /** The aligned pair this word belongs to, when it is one of the words the engine aligned. */
  pair?: AlignedPair;
}

/** The displayed name as words and the separators between them, each word carrying its aligned pair if any. */
export function alignedSegments(name: string, pairs: AlignedPair[], side: 'query' | 'list'): Segment[] {
  const byWord = new Map<string, AlignedPair>();
  for (const p of pairs) for (const w of p[side]) byWord.set(w, p);
  return name
    .split(/([\s,;/-]+)/u)
    .filter((text) => text !== '')
    .map((text) => {
      const pair = byWord.get(wordKey(text));
      return pair ? { text, pair } : { text };
    });
}
