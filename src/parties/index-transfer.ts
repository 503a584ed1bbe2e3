import type { AssembledIndex } from './assemble-index.ts';
import type { EntityTable } from './entity-table.ts';
import type { IndexData } from './index-data.ts';
import type { Steps } from './slices.ts';
import { type PostingsParts, StringPostings } from './string-postings.ts';
import { StringTable } from './string-table.ts';

/**
 * An index built in the index process, in a form that crosses to the main thread cheaply: its typed arrays are
 * sections of one hand-over file, viewed in place once read (section-file.ts), and the ~110,000 vocabulary strings
 * and ~67,000 posting keys travel as one string each inside their hash tables (string-table.ts), which work as
 * they arrive. The main thread only cuts the vocabulary's strings out of its text, in slices (`unpackSteps`), so
 * the result is the very index the index process built.
 */
const ARRAYS = [
  'df',
  'postStart',
  'post',
  'delHash',
  'delVocab',
  'delTable',
  'nameEntity',
  'nameAlias',
  'nameWeak',
  'nameLegal',
  'nameHasInitial',
  'entNameStart',
  'tokStart',
  'tokVocab',
  'tokFlags',
  'tokWeight',
  'tokWordHash',
  'tokLightHash',
  'nameWeight',
  'glueStart',
  'glueVocab',
  'gluePos',
  'frameVocab',
  'frameVowels',
] as const satisfies readonly (keyof IndexData)[];

type Arrays = Pick<IndexData, (typeof ARRAYS)[number]>;
type TableParts = ReturnType<StringTable['parts']>;
export interface PackedIndex {
  arrays: Arrays;
  /** The vocabulary's table: its text holds every string, so the strings themselves need not cross. */
  vocab: TableParts;
  fullKey: PostingsParts;
  frames: PostingsParts;
  ids: PostingsParts;
  rareCap: number;
  idfMax: number;
  buildMs: number;
  /**
   * Where each word of this vocabulary stood in the vocabulary of build `of` (-1: not there), worked out by the
   * index process for the words the main thread holds (`wordsIn`), so that the main thread need not look them up.
   */
  known?: { of: number; ids: Int32Array };
}

/** Where each word of `vocab` stands in `known` (-1 when it is not there); see PackedIndex.known. */
export function knownIds(vocab: StringTable, known: StringTable): Int32Array {
  const { text, starts } = vocab.parts();
  const ids = new Int32Array(vocab.size);
  for (let i = 0; i < ids.length; i++) ids[i] = known.find(text, starts[i]!, starts[i + 1]!) ?? -1;
  return ids;
}

export function packIndex(d: AssembledIndex, known?: PackedIndex['known']): PackedIndex {
  return {
    arrays: Object.fromEntries(ARRAYS.map((k) => [k, d[k]])) as unknown as Arrays,
    vocab: d.vocabMap.parts(),
    fullKey: d.fullKey.parts(),
    frames: d.frames.parts(),
    ids: d.ids.parts(),
    rareCap: d.rareCap,
    idfMax: d.idfMax,
    buildMs: d.buildMs,
    known,
  };
}

/**
 * The vocabulary of an index already on this thread, whose strings a new index can take over; `build` names the
 * index process's build it came from, whose positions it may have sent along (PackedIndex.known).
 */
export type KnownWords = Pick<IndexData, 'vocab' | 'vocabMap'> & { build?: number };

/**
 * The index again, over the main thread's own entity table; a checkpoint every 1,024 strings. Only the
 * vocabulary's strings are made here (the search reads them as strings): the tables arrive ready. A word the
 * previous index (`known`) had is taken from it, not made again. An activation changes a few hundred of ~108,000
 * words; making all of them gave the main thread's collector ~108,000 young strings to copy until promoted, then
 * as many old ones of the swapped-out index (CPU profile of six activations, bench:activation-cpu: main-thread
 * GC samples 139 -> 82, all main-thread samples 502 -> 348, with the index process's positions).
 */
export function* unpackSteps(p: PackedIndex, entities: EntityTable, known?: KnownWords): Steps<IndexData> {
  const vocab: string[] = [];
  const { text, starts } = p.vocab;
  // Positions the index process worked out against these very words, else looked up here (one started afresh).
  const ids = known && p.known && p.known.of === known.build ? p.known.ids : undefined;
  for (let i = 0; i + 1 < starts.length; i++) {
    if ((i & 1023) === 1023) yield;
    const from = starts[i]!;
    const to = starts[i + 1]!;
    const j = ids ? ids[i]! : (known?.vocabMap.find(text, from, to) ?? -1);
    vocab.push(j >= 0 ? known!.vocab[j]! : ownString(text, from, to));
  }
  return {
    entities,
    vocab,
    vocabMap: StringTable.fromParts(p.vocab),
    ...p.arrays,
    fullKey: StringPostings.fromParts(p.fullKey),
    frames: StringPostings.fromParts(p.frames),
    ids: StringPostings.fromParts(p.ids),
    rareCap: p.rareCap,
    idfMax: p.idfMax,
    buildMs: p.buildMs,
  };
}

const scratch = new Uint16Array(256);

/**
 * text[from, to) as a string of its own. A slice of 13 or more characters is a view that keeps all of `text`
 * (the whole vocabulary, ~1 MB) alive, and words outlive their index now that the next one takes them over: each
 * activation would pin another build's text.
 */
function ownString(text: string, from: number, to: number): string {
  if (to - from > scratch.length) return JSON.parse(JSON.stringify(text.slice(from, to))) as string;
  for (let i = from; i < to; i++) scratch[i - from] = text.charCodeAt(i);
  return String.fromCharCode.apply(null, scratch.subarray(0, to - from) as unknown as number[]);
}
