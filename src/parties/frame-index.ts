import {
  arabicFrames,
  articlePairFrames,
  type Frame,
  frameSimilarity,
  vowelsAgree,
} from './arabic-frames.ts';
import type { IndexData } from './index-data.ts';
import { IndexMemo } from './index-memo.ts';
import type { Steps } from './slices.ts';
import { StringPostings } from './string-postings.ts';

/**
 * The index side of arabic-frames.ts: frame → entries, each entry a vocabulary word (the skeleton the scorer
 * aligns) and the vowel classes of the spelling it came from. Built from the words of person names only.
 */
export interface FrameIndex {
  frames: StringPostings;
  frameVocab: Int32Array;
  frameVowels: Int32Array;
}

export class FrameIndexBuilder {
  private readonly byKey = new Map<string, number[]>();
  private readonly seen = new Set<string>();
  private readonly vocab: number[] = [];
  private readonly vowels: number[] = [];
  /** Words repeat across names (given names, Mohammed): each word's frames are worked out once. */
  private readonly words = new Set<string>();

  /**
   * `vocabId` is the word's skeleton's id: one word, one id, so the word alone says it was seen. `frames` are the
   * word's as indexed (`arabicFrames(word, false)`), worked out once per list by prepare-source.ts.
   */
  addFrames(word: string, vocabId: number, frames: readonly Frame[]): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    for (const f of frames) {
      const ek = `${f.key} ${vocabId} ${f.vowels}`;
      if (this.seen.has(ek)) continue;
      this.seen.add(ek);
      const entry = this.vocab.length;
      this.vocab.push(vocabId);
      this.vowels.push(f.vowels);
      const list = this.byKey.get(f.key);
      if (list) list.push(entry);
      else this.byKey.set(f.key, [entry]);
    }
  }

  *freezeSteps(): Steps<FrameIndex> {
    const frames = yield* StringPostings.freezeSteps(this.byKey);
    return { frames, frameVocab: Int32Array.from(this.vocab), frameVowels: Int32Array.from(this.vowels) };
  }
}

/**
 * Links of a query word to list words spelled in another Arabic romanisation family (same frame, agreeing
 * vowels), other than its own skeleton, which links as an exact or transliterated word already.
 */
export function frameLinks(
  d: IndexData,
  word: string,
  skel: string,
  /** The word follows an article written apart ("al Azhar"): read as stripped of a glued one (arabic-frames.ts). */
  afterArticle = false,
): Map<number, number> | undefined {
  // Names share words (Mohammed, Ali, Hussein): like a token's own links (prepare-query.ts), a word's frame
  // links depend only on the word and the index, so a bounded memo per index keeps them.
  return frameMemo.get(d, afterArticle ? `al ${word}` : word, word, skel, afterArticle);
}

const CACHE_MAX = 20_000;
const frameMemo = new IndexMemo(
  (d: IndexData, word: string, skel: string, afterArticle: boolean) =>
    findFrameLinks(d, afterArticle ? articlePairFrames(word, true) : arabicFrames(word, true), skel),
  CACHE_MAX,
);

/** Fills `to`'s frame-link memo with the `most` keys last used on `from` (index-memo.ts). */
export const warmFrameMemo = (from: IndexData, to: IndexData, most: number): Steps<number> =>
  frameMemo.warmSteps(from, to, most);

function findFrameLinks(d: IndexData, frames: Frame[], skel: string): Map<number, number> | undefined {
  let out: Map<number, number> | undefined;
  for (const f of frames) {
    const sim = frameSimilarity(f.key);
    d.frames.forEach(f.key, (entry) => {
      const v = d.frameVocab[entry]!;
      if (d.vocab[v] === skel || !vowelsAgree(f.vowels, d.frameVowels[entry]!)) return;
      out ??= new Map();
      if ((out.get(v) ?? 0) < sim) out.set(v, sim);
    });
  }
  return out;
}
