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

/** The sorted packed keys as the index's two arrays; a checkpoint every 16,384 keys. */
export function* unpackKeySteps(keys: Float64Array): Steps<KeyRun> {
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

/** Deletion keys as two parallel arrays, sorted by hash, then vocabulary id: the index's own layout. */
export interface KeyRun {
  delHash: Uint32Array;
  delVocab: Int32Array;
}

/**
 * Sorted runs merged into one, two at a time (log₂ of the number of runs passes), on the two arrays directly:
 * the index assembly's per-list runs, already sorted when each list was prepared, cost a few passes instead of
 * a whole sort. A checkpoint every 16,384 keys.
 */
export function* mergeKeyRunsSteps(runs: readonly KeyRun[]): Steps<KeyRun> {
  let level = [...runs];
  if (level.length === 0) return { delHash: new Uint32Array(0), delVocab: new Int32Array(0) };
  while (level.length > 1) {
    const next: KeyRun[] = [];
    for (let r = 0; r < level.length; r += 2) {
      const a = level[r]!;
      const b = level[r + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const n = a.delHash.length + b.delHash.length;
      const out = { delHash: new Uint32Array(n), delVocab: new Int32Array(n) };
      let i = 0;
      let j = 0;
      for (let k = 0; k < n; k++) {
        if ((k & 16383) === 16383) yield;
        const fromA =
          j >= b.delHash.length ||
          (i < a.delHash.length &&
            (a.delHash[i]! < b.delHash[j]! ||
              (a.delHash[i] === b.delHash[j] && a.delVocab[i]! < b.delVocab[j]!)));
        if (fromA) {
          out.delHash[k] = a.delHash[i]!;
          out.delVocab[k] = a.delVocab[i++]!;
        } else {
          out.delHash[k] = b.delHash[j]!;
          out.delVocab[k] = b.delVocab[j++]!;
        }
      }
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
