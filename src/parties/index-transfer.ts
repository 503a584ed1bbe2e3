import type { AssembledIndex } from './assemble-index.ts';
import type { EntityTable } from './entity-table.ts';
import type { IndexData } from './index-data.ts';
import type { Steps } from './slices.ts';
import { StringPostings } from './string-postings.ts';

/**
 * An index built in a worker thread, in a form that crosses to the main thread cheaply: the typed arrays are
 * transferred (no copy), and the ~110,000 vocabulary strings and ~67,000 posting keys travel as one string each
 * plus lengths, instead of as Maps of strings, whose structured clone would be deserialised on the main thread
 * in one go. The main thread rebuilds the strings and Maps in slices (`unpackSteps`), in the same order, so the
 * result is the very index the worker built.
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
interface PackedStrings {
  text: string;
  lengths: Int32Array;
}
interface PackedPostings {
  keys: PackedStrings;
  values: Int32Array;
  lists: Int32Array;
}
export interface PackedIndex {
  arrays: Arrays;
  vocab: PackedStrings;
  fullKey: PackedPostings;
  frames: PackedPostings;
  ids: PackedPostings;
  rareCap: number;
  idfMax: number;
  buildMs: number;
}

export function packIndex(d: AssembledIndex): { packed: PackedIndex; transfer: ArrayBuffer[] } {
  const arrays = Object.fromEntries(ARRAYS.map((k) => [k, d[k]])) as unknown as Arrays;
  const postings = (p: StringPostings): PackedPostings => {
    const { slot, lists } = p.parts();
    return { keys: packStrings([...slot.keys()]), values: Int32Array.from(slot.values()), lists };
  };
  const packed: PackedIndex = {
    arrays,
    vocab: packStrings(d.vocab),
    fullKey: postings(d.fullKey),
    frames: postings(d.frames),
    ids: postings(d.ids),
    rareCap: d.rareCap,
    idfMax: d.idfMax,
    buildMs: d.buildMs,
  };
  const buffers = new Set<ArrayBuffer>();
  for (const a of [
    ...Object.values(arrays),
    packed.vocab.lengths,
    ...[packed.fullKey, packed.frames, packed.ids].flatMap((p) => [p.keys.lengths, p.values, p.lists]),
  ])
    buffers.add(a.buffer as ArrayBuffer);
  return { packed, transfer: [...buffers] };
}

/** The index again, over the main thread's own entity table; a checkpoint every 1,024 strings. */
export function* unpackSteps(p: PackedIndex, entities: EntityTable): Steps<IndexData> {
  const vocab = yield* unpackStrings(p.vocab);
  const vocabMap = new Map<string, number>();
  for (let i = 0; i < vocab.length; i++) {
    if ((i & 1023) === 1023) yield;
    vocabMap.set(vocab[i]!, i);
  }
  const fullKey = yield* unpackPostings(p.fullKey);
  const frames = yield* unpackPostings(p.frames);
  const ids = yield* unpackPostings(p.ids);
  return {
    entities,
    vocab,
    vocabMap,
    ...p.arrays,
    fullKey,
    frames,
    ids,
    rareCap: p.rareCap,
    idfMax: p.idfMax,
    buildMs: p.buildMs,
  };
}

function packStrings(strings: readonly string[]): PackedStrings {
  return { text: strings.join(''), lengths: Int32Array.from(strings, (s) => s.length) };
}

function* unpackStrings({ text, lengths }: PackedStrings): Steps<string[]> {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    if ((i & 1023) === 1023) yield;
    out.push(text.slice(at, at + lengths[i]!));
    at += lengths[i]!;
  }
  return out;
}

function* unpackPostings(p: PackedPostings): Steps<StringPostings> {
  const keys = yield* unpackStrings(p.keys);
  const slot = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    if ((i & 1023) === 1023) yield;
    slot.set(keys[i]!, p.values[i]!);
  }
  return StringPostings.fromParts(slot, p.lists);
}
