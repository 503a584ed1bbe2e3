import { deletionHashes } from './deletions.ts';
import type { Steps } from './slices.ts';

/** Packed keys are hash · 2²¹ + vocabulary id: exact in a float64 for 32-bit hashes and ids below 2²¹. */
const VOCAB_SPAN = 2097152;
/** Runs sorted natively before merging: ~16k floats sort in about a millisecond. */
const RUN = 16384;

/**
 * Sorted (hash, vocab id) pairs; packed into one float so a native numeric sort does the work. On the real lists
 * that is ~880,000 keys, whose single native sort held the event loop ~110 ms: they are sorted in runs and merged,
 * with checkpoints. Every key is distinct (a vocabulary id's hashes are deduplicated), so any correct sort gives
 * the same array.
 */
export function* deletionKeySteps(
  vocab: readonly string[],
  df: Int32Array,
): Steps<{ delHash: Uint32Array; delVocab: Int32Array }> {
  if (vocab.length >= VOCAB_SPAN) throw new Error('vocabulary too large for packed deletion keys');
  // Typed, not a number[]: the ~7 MB of keys stay outside the JS heap, whose growth paces major GCs.
  let packed = new Float64Array(1 << 16);
  let n = 0;
  const scratch = new Set<number>();
  for (let v = 0; v < vocab.length; v++) {
    if ((v & 255) === 255) yield;
    if (df[v] === 0) continue; // glue-only strings link by equality, through vocabMap
    scratch.clear();
    for (const h of deletionHashes(vocab[v]!, scratch)) {
      if (n === packed.length) {
        const grown = new Float64Array(n * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[n++] = h * VOCAB_SPAN + v;
    }
  }
  const arr = yield* sortSteps(packed.slice(0, n));
  const delHash = new Uint32Array(arr.length);
  const delVocab = new Int32Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    if ((i & 16383) === 16383) yield;
    const x = arr[i]!;
    const v = x % VOCAB_SPAN;
    delVocab[i] = v;
    delHash[i] = (x - v) / VOCAB_SPAN;
  }
  return { delHash, delVocab };
}

/** Ascending numeric sort (no NaN): runs sorted natively, then merged bottom-up, alternating two buffers. */
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
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        if ((k & 16383) === 16383) yield;
        dst[k] = j >= hi || (i < mid && src[i]! <= src[j]!) ? src[i++]! : src[j++]!;
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}
