import type { BackgroundRarity } from './background-rarity.ts';
import type { EntityTable } from './entity-table.ts';
import { runAtOnce, type Steps } from './slices.ts';
import type { StringPostings } from './string-postings.ts';
import type { StringTable } from './string-table.ts';

/**
 * The index as flat typed arrays (CSR layouts) over interned skeleton strings: ~150k names cost a few
 * tens of MB instead of millions of small objects, and the whole thing is immutable once built, so the caller
 * can build a new one off the request path and swap the reference atomically.
 */
/** A gluePos flag: the glued key spans three words, not two (positions are below 32: names are bit masks). */
export const GLUE_TRIPLE = 128;
/** The list tokens a glued key covers, from its `gluePos` entry: two words, or three with GLUE_TRIPLE. */
export const glueMask = (at: number): number => (at & GLUE_TRIPLE ? 7 : 3) << (at & ~GLUE_TRIPLE);

export interface IndexData {
  entities: EntityTable;
  /** Interned skeletons; a string can occur as a real token, as a glued pair of tokens, or both. */
  vocab: string[];
  vocabMap: StringTable;
  /** Names containing the skeleton as a real token (drives IDF). */
  df: Int32Array;
  /** Posting lists: names containing the skeleton as a token or as a glued pair. */
  postStart: Int32Array;
  post: Int32Array;
  /** Deletion-neighbourhood hashes (sorted) and the vocabulary id each came from. */
  delHash: Uint32Array;
  delVocab: Int32Array;
  /**
   * Open-addressing table over delHash: slot → 1 + index of the first entry of a hash's run (0 = empty). One
   * or two probes per lookup where a binary search over ~10⁶ keys takes twenty scattered reads.
   */
  delTable: Int32Array;
  /** Name → entity, which alias (-1 = primary name), weak-alias flag. Names of an entity are contiguous. */
  nameEntity: Int32Array;
  nameAlias: Int32Array;
  nameWeak: Uint8Array;
  /** The jurisdiction families of each name's legal form (legal-forms.ts legalFamilies), 0 when it has none. */
  nameLegal: Uint32Array;
  nameHasInitial: Uint8Array;
  entNameStart: Int32Array;
  /** Core tokens of each name (CSR by tokStart). */
  tokStart: Int32Array;
  tokVocab: Int32Array;
  tokFlags: Uint16Array;
  tokWeight: Float32Array;
  /**
   * Hashes of each token's plain ASCII word and of its light fold (spelling.ts): tell an exactly spelled word
   * from a romanisation variant or a sound-alike with the same skeleton, at 8 bytes a token, not a string.
   */
  tokWordHash: Uint32Array;
  tokLightHash: Uint32Array;
  nameWeight: Float32Array;
  /**
   * Glued adjacent pairs of each name: the pair's vocabulary id and its first position; with GLUE_TRIPLE set,
   * three words ("Abd al-Rahman" as "abdalrahman", arabic-frames.ts articleCompound).
   */
  glueStart: Int32Array;
  glueVocab: Int32Array;
  gluePos: Uint8Array;
  /** Sorted core skeletons of names with 2+ core tokens → names; lets an all-common exact name anchor. */
  fullKey: StringPostings;
  /**
   * Arabic romanisation frames of person-name words (arabic-frames.ts, frame-index.ts): frame → entries; each
   * entry's vocabulary word and vowel classes.
   */
  frames: StringPostings;
  frameVocab: Int32Array;
  frameVowels: Int32Array;
  /** Strong identifier key (see idKey) → entity indexes. */
  ids: StringPostings;
  /** Posting lists longer than this are "common": never fetched, and never enough to anchor a hit. */
  rareCap: number;
  idfMax: number;
  /** Word rarity of a larger body of names, for a small index's weights (background-rarity.ts). */
  background?: BackgroundRarity;
  buildMs: number;
}

export const TAIL_FACTOR = 0.25;
export const PATRONYMIC_FACTOR = 0.5;
/** Nasab markers and ancestors' names (tokenize.ts ANCESTOR): weighed like a patronymic. */
export const ANCESTOR_FACTOR = 0.5;
/** A title before a person's name ("General", "Sheikh"): kept, so a misspelt one still links, but nearly weightless. */
export const TITLE_FACTOR = 0.05;
export const INITIAL_WEIGHT = 1;
/**
 * A generic word of an organisation name ("state", "institute", "plant": org-generic.ts). Most are common and
 * weigh little by rarity already; the factor also holds down the rarer ones ("unitarnoe", "byuro") and the
 * ones a list spells out where another abbreviates ("Federal State Budgetary Institution of Science").
 */
export const GENERIC_FACTOR = 0.2;

export function idf(df: number, names: number): number {
  return Math.log((names + 1) / (Math.max(df, 0) + 0.5));
}

export function postLen(d: IndexData, v: number): number {
  return d.postStart[v + 1]! - d.postStart[v]!;
}

const slotOf = (h: number, mask: number) => (Math.imul(h, 0x9e3779b1) >>> 0) & mask;

/** The table for sorted deletion hashes: load factor ≤ 0.5, so probe runs stay short. */
export function buildDelTable(hashes: Uint32Array): Int32Array {
  return runAtOnce(delTableSteps(hashes));
}

/** The same, with a checkpoint every 4,096 hashes (~880,000 on the real lists: ~70 ms in one go). */
export function* delTableSteps(hashes: Uint32Array): Steps<Int32Array> {
  let size = 1024;
  while (size < hashes.length * 2) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let i = 0; i < hashes.length; i++) {
    if ((i & 4095) === 4095) yield;
    if (i > 0 && hashes[i] === hashes[i - 1]) continue;
    let slot = slotOf(hashes[i]!, mask);
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = i + 1;
  }
  return table;
}

/** Index of the first deletion entry with this hash, or -1. */
export function delFirst(d: Pick<IndexData, 'delHash' | 'delTable'>, h: number): number {
  const mask = d.delTable.length - 1;
  for (let slot = slotOf(h, mask); ; slot = (slot + 1) & mask) {
    const at = d.delTable[slot]!;
    if (at === 0) return -1;
    if (d.delHash[at - 1] === h) return at - 1;
  }
}
