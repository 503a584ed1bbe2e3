import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { EntityTable } from './entity-table.ts';
import { type PackedIndex, unpackSteps } from './index-transfer.ts';
import { indexOver } from './match-index.ts';
import { runInSlices, type SliceStats } from './slices.ts';
import type { MatchIndex } from './types.ts';

const WORKER = new URL('./index-worker.ts', import.meta.url).href;
/**
 * The service runs its TypeScript through tsx, whose loader does not reach worker threads on Node 20 (a .ts
 * entry fails with ERR_UNKNOWN_FILE_EXTENSION, with or without execArgv): the worker registers it first.
 */
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;

/**
 * One index worker per process, started by the first build (at service start, before any load) and kept: its
 * start-up compiles the worker's modules through tsx, ~340 ms of CPU on two threads, and paid at every
 * activation it was the largest spike an activation caused (p99 of POST /screen 90-300 ms in the first
 * second after it, at a paced 500 req/s on a 2-core host). Builds use it one at a time; a build that fails or
 * is aborted drops it, and the next build starts a fresh one. Unreferenced while idle, it never keeps a
 * process alive.
 */
let kept: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();

function indexWorker(): Worker {
  if (!kept) kept = new Worker(BOOT, { eval: true });
  return kept;
}

function dropWorker(worker: Worker): void {
  if (kept === worker) kept = undefined;
  void worker.terminate();
}

/**
 * The index built in a worker thread, for the API process. Built on the event loop, even in slices, the build
 * held each request's every step behind a slice and filled the API's heap with its garbage; in a worker the
 * main thread only copies the entity buffers out (one chunk per turn, ≤ 8 MB each) and rebuilds the strings
 * and Maps of the result in slices (~50-100 ms of work in all with every real list). The result is identical
 * to buildIndex's (test/parties/off-thread-build.test.ts).
 */
export function buildIndexOffThread(
  entities: EntityTable,
  opts: { sliceMs?: number; stats?: SliceStats; signal?: AbortSignal } = {},
): Promise<MatchIndex> {
  const run = queue.then(() => buildOnce(entities, opts));
  queue = run.catch(() => {});
  return run;
}

async function buildOnce(
  entities: EntityTable,
  opts: { sliceMs?: number; stats?: SliceStats; signal?: AbortSignal },
): Promise<MatchIndex> {
  opts.signal?.throwIfAborted();
  const worker = indexWorker();
  worker.ref();
  let ok = false;
  let onAbort: (() => void) | undefined;
  const listeners: { event: string; fn: (...args: never[]) => void }[] = [];
  const on = (event: string, fn: (...args: never[]) => void) => {
    listeners.push({ event, fn });
    worker.once(event, fn as (...args: unknown[]) => void);
  };
  try {
    const built = new Promise<PackedIndex>((resolve, reject) => {
      on('message', resolve);
      on('error', reject);
      on('exit', (code: number) => reject(new Error(`index worker exited with code ${code}`)));
      onAbort = () => reject(opts.signal!.reason);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    built.catch(() => {}); // observed below; a rejection while chunks are still being sent must not go unhandled
    for (const chunk of entities.chunkParts()) {
      worker.postMessage({ chunk });
      await nextTurn();
    }
    worker.postMessage({ done: true });
    const packed = await built;
    ok = true;
    return indexOver(await runInSlices(unpackSteps(packed, entities), opts.sliceMs, opts.stats, opts.signal));
  } finally {
    for (const { event, fn } of listeners) worker.off(event, fn as (...args: unknown[]) => void);
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    if (ok) worker.unref();
    else dropWorker(worker);
  }
}
