import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { EntityTable } from './entity-table.ts';
import { type KnownWords, type PackedIndex, unpackSteps } from './index-transfer.ts';
import type { WorkerMessage } from './index-worker.ts';
import { indexOver } from './match-index.ts';
import { runInSlices, type SliceStats } from './slices.ts';
import type { MatchIndex } from './types.ts';

const WORKER = new URL('./index-worker.ts', import.meta.url).href;
/**
 * The service runs its TypeScript through tsx, whose loader does not reach worker threads on Node 20 (a .ts
 * entry fails with ERR_UNKNOWN_FILE_EXTENSION, with or without execArgv): the worker registers it first.
 */
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;

/** One list's entries in a build, and what names its version: a kept preparation is reused under the same key. */
export interface IndexPart {
  source: string;
  version: string;
  entries: EntityTable;
}

/** What a build did, for logs and tests. */
export interface BuildReport {
  /** Lists tokenised for this build; the others came prepared from earlier builds. */
  prepared: number;
  parts: number;
}

type BuildOptions = { sliceMs?: number; stats?: SliceStats; signal?: AbortSignal; report?: BuildReport };

/**
 * One index worker per process, started by the first build (at service start, before any load) and kept: its
 * start-up compiles the worker's modules through tsx, ~340 ms of CPU on two threads, and paid at every
 * activation it was the largest spike an activation caused (p99 of POST /screen 90-300 ms in the first
 * second after it, at a paced 500 req/s on a 2-core host). Builds use it one at a time; a build that fails or
 * is aborted drops it, with what it had prepared, and the next build starts a fresh one. Unreferenced while
 * idle, it never keeps a process alive.
 */
let kept: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();
/** Keys of the lists the kept worker holds prepared, and the key each source had in the last build. */
let held = new Set<string>();
let lastKeys = new Map<string, string>();
/**
 * The words of the last index unpacked here, which the next one takes over (index-transfer.ts), and the number of
 * the build they came from (the worker sends their positions for that build). Strings, equal whichever build made
 * them, so they outlive a dropped worker; they keep the previous vocabulary's words alive one build longer.
 */
let lastWords: KnownWords | undefined;
let builds = 0;

function indexWorker(): Worker {
  if (!kept) kept = new Worker(BOOT, { eval: true });
  return kept;
}

function dropWorker(worker: Worker): void {
  if (kept === worker) {
    kept = undefined;
    held = new Set();
    lastKeys = new Map();
  }
  void worker.terminate();
}

const keyOf = (p: IndexPart) => `${p.source}@${p.version}`;

/**
 * Rest between the slices of the unpacking on the main thread. Once the worker's part shrank to ~0.5 s, the
 * unpacking (~30-50 ms of CPU, then the scavenges of what it allocated) was the largest burst an activation
 * caused: run back to back with requests only between 5 ms slices, it took most of the event loop for
 * ~100-200 ms, and at a paced 500 req/s on a 2-core host the requests queued behind it set p99 (100-180 ms
 * against 12-80 ms before, bench:activation BENCH_TRACE). At a third of the loop it takes a few hundred ms,
 * which nobody waits on.
 */
const UNPACK_REST_MS = 10;

/**
 * The index built in a worker thread, for the API process. Built on the event loop, even in slices, the build
 * held each request's every step behind a slice and filled the API's heap with its garbage. The worker keeps
 * each list's preparation (tokenised names, ~75% of a build) for the active and the previous version of each
 * source, so an activation sends it only the changed list's buffers and it tokenises only that list; the main
 * thread then rebuilds the strings and Maps of the result in slices. Given a bare table, it is one list that is
 * not kept. The result is identical to buildIndex's over the concatenated entries
 * (test/parties/off-thread-build.test.ts, incremental-build.test.ts).
 */
export function buildIndexOffThread(
  entities: EntityTable | readonly IndexPart[],
  opts: BuildOptions = {},
): Promise<MatchIndex> {
  const parts = entities instanceof EntityTable ? [{ entries: entities }] : entities;
  const run = queue.then(() => buildOnce(parts, opts));
  queue = run.catch(() => {});
  return run;
}

async function buildOnce(
  parts: readonly (IndexPart | { entries: EntityTable })[],
  opts: BuildOptions,
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
  const send = (m: WorkerMessage) => worker.postMessage(m);
  try {
    const built = new Promise<{ packed: PackedIndex; prepared: number }>((resolve, reject) => {
      on('message', resolve);
      on('error', reject);
      on('exit', (code: number) => reject(new Error(`index worker exited with code ${code}`)));
      onAbort = () => reject(opts.signal!.reason);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    built.catch(() => {}); // observed below; a rejection while chunks are still being sent must not go unhandled
    const keys = parts.map((p) => ('source' in p ? keyOf(p) : null));
    const fresh = keys.map((k) => k === null || !held.has(k));
    for (const [i, p] of parts.entries()) {
      if (!fresh[i]) continue;
      for (const chunk of p.entries.chunkParts()) {
        send({ part: i, chunk });
        await nextTurn();
      }
    }
    // Kept after this build: its lists, and the version each source had before (a rollback costs no tokenising).
    const keep = new Set(keys.filter((k) => k !== null));
    for (const p of parts) {
      const before = 'source' in p ? lastKeys.get(p.source) : undefined;
      if (before && held.has(before)) keep.add(before);
    }
    const id = ++builds;
    send({
      build: { parts: keys.map((key, i) => ({ key, fresh: fresh[i]! })), keep: [...keep] },
      id,
      wordsIn: lastWords?.build ?? null,
    });
    const { packed, prepared } = await built;
    ok = true;
    held = keep;
    lastKeys = new Map(parts.flatMap((p) => ('source' in p ? [[p.source, keyOf(p)] as const] : [])));
    if (opts.report) Object.assign(opts.report, { prepared, parts: parts.length });
    const entities = EntityTable.concat(parts.map((p) => p.entries));
    const unpacked = unpackSteps(packed, entities, lastWords);
    const data = await runInSlices(unpacked, opts.sliceMs, opts.stats, opts.signal, UNPACK_REST_MS);
    lastWords = { vocab: data.vocab, vocabMap: data.vocabMap, build: id };
    return indexOver(data);
  } finally {
    for (const { event, fn } of listeners) worker.off(event, fn as (...args: unknown[]) => void);
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    if (ok) worker.unref();
    else dropWorker(worker);
  }
}
