import type { Steps } from './slices.ts';

/**
 * The deletion keys of an index are (hash, vocabulary id) pairs sorted by hash, then id. Each is packed into one
 * float, hash · 2²¹ + id (exact in a float64 for 32-bit hashes and ids below 2²¹), so a native numeric sort
 * and plain comparisons order them. Every key is distinct (a vocabulary id's hashes are deduplicated), so any
 * correct sort or merge gives the same array.
 */
export const VOCAB_SPAN = 2097152;
/** Runs sorted natively before merging: ~16k floats sort in about a millisecond. */
const RUN = 16384;

export const packKey = (hash: number, v: number): number => hash * VOCAB_SPAN + v;
export const keyVocab = (key: number): number => key % VOCAB_SPAN;
export const keyHash = (key: number): number => (key - (key % VOCAB_SPAN)) / VOCAB_SPAN;

/** The sorted packed keys as the index's two arrays; a checkpoint every 16,384 keys. */
export function* unpackKeySteps(keys: Float64Array): Steps<{ delHash: Uint32Array; delVocab: Int32Array }> {
  const delHash = new Uint32Array(keys.length);
  const delVocab = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    if ((i & 16383) === 16383) yield;
    const x = keys[i]!;
    const v = x % VOCAB_SPAN;
    delVocab[i] = v;
    delHash[i] = (x - v) / VOCAB_SPAN;
  }
  return { delHash, delVocab };
}

/**
 * Ascending numeric sort (no NaN): runs sorted natively, then merged bottom-up, alternating two buffers. On the
 * real lists a single native sort of their ~800,000 keys held the event loop ~110 ms.
 */
export function* sortSteps(a: Float64Array<ArrayBuffer>): Steps<Float64Array<ArrayBuffer>> {
  const n = a.length;
  for (let lo = 0; lo < n; lo += RUN) {
    a.subarray(lo, Math.min(lo + RUN, n)).sort();
    yield;
  }
  let src = a;
  let dst = new Float64Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      yield* mergeInto(src, lo, mid, src, mid, Math.min(lo + 2 * width, n), dst, lo);
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/**
 * Sorted arrays merged into one, two at a time (log₂ of the number of runs passes): the index assembly's
 * per-list runs, already sorted when each list was prepared, cost a few passes instead of a whole sort.
 */
export function* mergeSortedSteps(runs: readonly Float64Array[]): Steps<Float64Array> {
  let level = [...runs];
  if (level.length === 0) return new Float64Array(0);
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i]!;
      const b = level[i + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const out = new Float64Array(a.length + b.length);
      yield* mergeInto(a, 0, a.length, b, 0, b.length, out, 0);
      next.push(out);
    }
    level = next;
  }
  return level[0]!;
}

/** a[i, iEnd) and b[j, jEnd), each sorted, merged into out from `at`; a checkpoint every 16,384 keys. */
function* mergeInto(
  a: Float64Array,
  i: number,
  iEnd: number,
  b: Float64Array,
  j: number,
  jEnd: number,
  out: Float64Array,
  at: number,
): Steps<void> {
  const end = at + (iEnd - i) + (jEnd - j);
  for (let k = at; k < end; k++) {
    if ((k & 16383) === 16383) yield;
    out[k] = j >= jEnd || (i < iEnd && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
  }
}
