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
 * The index built in a worker thread, for the API process. Built on the event loop, even in slices, the build
 * held each request's every step behind a slice and filled the API's heap with its garbage; in a worker the
 * main thread only copies the entity buffers out (one chunk per turn, ≤ 8 MB each) and rebuilds the strings
 * and Maps of the result in slices (~50-100 ms of work in all with every real list). The result is identical
 * to buildIndex's (test/parties/off-thread-build.test.ts).
 */
export async function buildIndexOffThread(
  entities: EntityTable,
  opts: { sliceMs?: number; stats?: SliceStats; signal?: AbortSignal } = {},
): Promise<MatchIndex> {
  const worker = new Worker(BOOT, { eval: true });
  try {
    const built = new Promise<PackedIndex>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`index worker exited with code ${code}`)));
      opts.signal?.addEventListener('abort', () => reject(opts.signal!.reason), { once: true });
    });
    built.catch(() => {}); // observed below; a rejection while chunks are still being sent must not go unhandled
    for (const chunk of entities.chunkParts()) {
      worker.postMessage({ chunk });
      await nextTurn();
    }
    worker.postMessage({ done: true });
    const packed = await built;
    return indexOver(await runInSlices(unpackSteps(packed, entities), opts.sliceMs, opts.stats, opts.signal));
  } finally {
    await worker.terminate();
  }
}
