import { isNameParticle } from './common-names.ts';
import type { IndexData } from './index-data.ts';
import { LEGAL_SINGLE } from './legal-forms.ts';
import { skeleton } from './skeleton.ts';
import { MAX_TOKEN_CHARS } from './tokenize.ts';

/**
 * A name typed without spaces, split on its letters as typed rather than on its skeleton. The skeleton of a
 * glued run is not the skeletons of its words put together: the folds reach across the joints ("shock"+"sports"
 * +"club" folds to "shoksporklub", "akkerman"+"cement"+"ooo" to "akermancemento", "harakat"+"sham" to
 * "harakacham"), so the skeleton split (word-break.ts) finds no reading or a wrong one ("shok ksp por klub").
 * Here each piece is a slice of the written word, folded alone and looked up in the vocabulary: a dynamic
 * programme over split points, fewest pieces first, then the more frequent words. Bounded as the skeleton split
 * is: a token is at most MAX_TOKEN_CHARS letters, so at most 32 · 22 pieces, each one fold (about 0.3 µs) and one
 * map lookup.
 */
const MIN_PIECE = 3;
const MAX_PIECE = 24;
const MAX_PIECES = 5;
/** A two-letter legal form ("co", "sa", "oy") only opens or closes the name: inside, too many words hold one. */
const LEGAL_END_PIECE = 2;
/** Larger than any sum of log-frequencies of five pieces (df < 10^6), so fewest pieces comes first. */
const PIECE_COST = 1e4;
/**
 * A word cut at MAX_TOKEN_CHARS (tokenize.ts) ends in part of a word ("...procurementcompan"): its reading may
 * leave up to this many letters of the cut tail unread.
 */
const MAX_CUT_TAIL = 8;
const LETTERS = /^[a-z]+$/;
/** Two-letter words that join an organisation's words in English, French and Spanish names. */
const JOINING = new Set(['of', 'in', 'du', 'et', 'en'].map(skeleton));

export interface WrittenBreak {
  /** The written pieces, in order. */
  pieces: string[];
  /**
   * Another split into as few pieces reads the word too ("sekondekonomik": "sekond ekonomik" and "sekonde
   * konomik" when both are listed words): the reading chosen is a guess by word frequency.
   */
  ambiguous: boolean;
}

/** The written word split into listed words (or legal forms at its ends, when `legal`), or null. */
export function writtenBreak(d: IndexData, w: string, legal: boolean): WrittenBreak | null {
  const n = w.length;
  if (!LETTERS.test(w)) return null;
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const pieces = new Array<number>(n + 1).fill(0);
  const from = new Array<number>(n + 1).fill(-1);
  // Readings of w[0, j) with the fewest pieces, counted up to 2 (ambiguity).
  const ways = new Array<number>(n + 1).fill(0);
  cost[0] = 0;
  ways[0] = 1;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Number.POSITIVE_INFINITY || pieces[i]! >= MAX_PIECES) continue;
    for (let j = i + LEGAL_END_PIECE; j <= Math.min(n, i + MAX_PIECE); j++) {
      const piece = skeleton(w.slice(i, j));
      // Legal forms of 3+ letters anywhere ("...kompaniyalukoil"), two-letter ones only at an end.
      const isLegal = legal && (j - i > LEGAL_END_PIECE || i === 0 || j === n) && LEGAL_SINGLE.has(piece);
      // A surname particle ("sham|al", "de|secours") or a joining word ("ministry|of|labor") is a word of two
      // letters a name may hold anywhere.
      if (j - i < MIN_PIECE && !isLegal && !isNameParticle(piece) && !JOINING.has(piece)) continue;
      const v = d.vocabMap.get(piece);
      const df = v === undefined ? 0 : d.df[v]!;
      if (df === 0 && !isLegal) continue;
      // "stoc|kcompany" reads as "stock|company" folded ("stok kompani"): a piece whose first letter the fold
      // swallows into another letter is the same words with the joint moved, not another reading.
      if (j - i > 1 && w[i] !== w[i + 1] && skeleton(w.slice(i + 1, j)) === piece) continue;
      // A legal form is no listed word (the tokenizer sets it apart): it counts as the rarest piece.
      const c = cost[i]! + PIECE_COST - Math.log(Math.max(df, 1));
      const p = pieces[i]! + 1;
      if (cost[j] !== Number.POSITIVE_INFINITY && p === pieces[j]) ways[j] = Math.min(2, ways[j]! + ways[i]!);
      else if (cost[j] === Number.POSITIVE_INFINITY || p < pieces[j]!) ways[j] = ways[i]!;
      if (c >= cost[j]!) continue;
      cost[j] = c;
      pieces[j] = p;
      from[j] = i;
    }
  }
  // A cut word: the reading of fewest pieces among those leaving at most MAX_CUT_TAIL letters unread, the
  // longest of them ("safety equipment procurement", not "... com pan" for the cut "company"). The unread tail
  // counts as a piece: a word of exactly MAX_TOKEN_CHARS letters read whole ("alexander|vyacheslavovich|
  // zakharov") is not given up for one piece fewer and its last name unread.
  const withTail = (e: number) => pieces[e]! + (e < n ? 1 : 0);
  let end = n;
  if (n >= MAX_TOKEN_CHARS)
    for (let e = n - 1; e >= n - MAX_CUT_TAIL; e--)
      if (cost[e]! < cost[end]! && (cost[end] === Number.POSITIVE_INFINITY || withTail(e) < withTail(end)))
        end = e;
  if (cost[end] === Number.POSITIVE_INFINITY || pieces[end]! < 2) return null;
  const out: string[] = [];
  for (let j = end; j > 0; j = from[j]!) out.push(w.slice(from[j]!, j));
  return { pieces: out.reverse(), ambiguous: ways[end]! > 1 };
}
