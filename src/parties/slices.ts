import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/**
 * A long build written once, as a generator that yields at checkpoints, and run one of two ways: at once (tests,
 * one-off tools, small tenant lists) or in slices that hand the event loop back between checkpoints (the API
 * process). One body for both means the sliced build cannot drift from the synchronous one. Built at once on
 * the event loop, the index of every real list held every request in flight for 1.5-3.5 s.
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * Longest a slice runs before it yields (it overshoots by at most one checkpoint's work, a fraction of a
 * millisecond). A request that arrives during a build waits for at most about this long, plus a GC pause.
 */
export const SLICE_MS = 5;

export interface SliceStats {
  /** How many times the build gave the event loop back. */
  yields: number;
  /** The longest stretch it held the loop, in ms (a measurement, for logs and benchmarks). */
  longestMs: number;
}

export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs `steps`, yielding to the event loop with setImmediate once a slice has run `sliceMs`: timers and I/O
 * callbacks (requests) due meanwhile run before the next slice. `sliceMs: 0` yields at every checkpoint, which
 * makes the number of turns a test sees independent of the machine's speed. With `restMs`, each yield also
 * waits that long, so the work takes at most sliceMs / (sliceMs + restMs) of the thread. An aborted `signal`
 * stops the build at the next slice (a process shutting down must not finish a build nobody will use) and
 * rejects.
 */
export async function runInSlices<T>(
  steps: Steps<T>,
  sliceMs = SLICE_MS,
  stats: SliceStats = { yields: 0, longestMs: 0 },
  signal?: AbortSignal,
  restMs = 0,
): Promise<T> {
  let start = performance.now();
  for (;;) {
    if (signal?.aborted) {
      steps.return(undefined as T); // runs the build's `finally` blocks (the skeleton memo is released)
      throw signal.reason;
    }
    const r = steps.next();
    const held = performance.now() - start;
    if (r.done) {
      stats.longestMs = Math.max(stats.longestMs, held);
      return r.value;
    }
    if (held >= sliceMs) {
      stats.longestMs = Math.max(stats.longestMs, held);
      stats.yields++;
      await (restMs > 0 ? sleep(restMs) : nextTurn());
      start = performance.now();
    }
  }
}
