import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type AssembledIndex, assembleIndexSteps } from './assemble-index.ts';
import { EntityTable } from './entity-table.ts';
import { knownIds, packIndex } from './index-transfer.ts';
import { type PreparedSource, prepareSourceSteps } from './prepare-source.ts';
import type { Steps } from './slices.ts';
import { StringTable } from './string-table.ts';

/**
 * Worker-thread entry (started once by build-off-thread.ts and kept). For each build it receives the buffers
 * of the lists it has not prepared yet, one message per chunk, then the build's parts in order. It prepares
 * those lists (prepare-source.ts), takes the others from what it kept, assembles the index at once (this
 * thread has no requests to hold up, and its garbage is collected in its own heap), and sends it back packed
 * for a cheap crossing. An activation of one list thus tokenises that list only: the rest is assembly.
 */
lowerPriority();

type Chunk = { bytes: Uint8Array; ends: Uint32Array };
export type WorkerMessage =
  | { part: number; chunk: Chunk }
  | {
      build: { parts: { key: string | null; fresh: boolean }[]; keep: string[] };
      /** This build's number, and the build whose words the main thread holds (null: none). */
      id: number;
      wordsIn: number | null;
    };

/** Prepared lists by key (list and version); the main thread names what to keep after each build. */
const prepared = new Map<string, PreparedSource>();
let incoming = new Map<number, Chunk[]>();
/**
 * The vocabulary of the last index sent: the main thread takes its words over into the next index, and finds
 * them by the positions worked out here (index-transfer.ts PackedIndex.known), at this thread's low priority.
 */
let lastVocab: { id: number; table: StringTable } | undefined;

parentPort!.on('message', (m: WorkerMessage) => {
  if ('part' in m) {
    const chunks = incoming.get(m.part) ?? [];
    chunks.push(m.chunk);
    incoming.set(m.part, chunks);
    return;
  }
  // The entries are not kept past their preparation: the worker holds prepared lists, never tables.
  const received = incoming;
  incoming = new Map();
  const built = runWithRests(assemble(m.build.parts, received));
  for (const key of [...prepared.keys()]) if (!m.build.keep.includes(key)) prepared.delete(key);
  const known =
    lastVocab && lastVocab.id === m.wordsIn
      ? { of: lastVocab.id, ids: knownIds(built.index.vocabMap, lastVocab.table) }
      : undefined;
  // A copy: the table's arrays are transferred with the index below, which leaves them empty here.
  const { text, starts, slots } = built.index.vocabMap.parts();
  lastVocab = {
    id: m.id,
    table: StringTable.fromParts({ text, starts: starts.slice(), slots: slots.slice() }),
  };
  const { packed, transfer } = packIndex(built.index, known);
  parentPort!.postMessage({ packed, prepared: built.fresh }, transfer);
});

function* assemble(
  parts: { key: string | null; fresh: boolean }[],
  received: Map<number, Chunk[]>,
): Steps<{ index: AssembledIndex; fresh: number }> {
  const ready: PreparedSource[] = [];
  let fresh = 0;
  for (const [i, { key, fresh: isFresh }] of parts.entries()) {
    let part = isFresh || key === null ? undefined : prepared.get(key);
    if (!part) {
      // A part the main thread believes kept but is not here would be a protocol bug: fail loudly. The main
      // thread drops this worker with its state (this activation falls back to a build on the event loop) and
      // the next build starts a fresh one.
      if (!isFresh) throw new Error(`index worker: list ${key} is not prepared here`);
      part = yield* prepareSourceSteps(EntityTable.fromChunks(received.get(i) ?? []));
      fresh++;
      if (key !== null) prepared.set(key, part);
    }
    ready.push(part);
  }
  return { index: yield* assembleIndexSteps(ready), fresh };
}

/**
 * Lowest CPU priority for this thread only (Linux: a thread's id is a valid target of setpriority). On a busy
 * machine the build then takes the CPU the service and PostgreSQL leave, instead of a core's worth from them:
 * measured at 500 req/s on 2 cores, an un-niced build still tripled p99 for the seconds it ran. The activation
 * takes longer when the machine is busy; requests do not. Elsewhere (no /proc) the build runs at normal priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {}
}

/**
 * The build runs RUN_MS, then rests REST_MS (the thread sleeps: Atomics.wait blocks only this worker). A niced
 * thread still took a core's worth from a 2-core host for the seconds it ran: at a paced 500 req/s, p99 during
 * an activation was 3-12x p99 before it (AMD host, bench:activation). Half a core leaves the service and
 * PostgreSQL the room they had; the activation takes about twice as long, which nobody waits on.
 */
const RUN_MS = 10;
const REST_MS = 10;
const rest = new Int32Array(new SharedArrayBuffer(4));

function runWithRests<T>(steps: Steps<T>): T {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= RUN_MS) {
      Atomics.wait(rest, 0, 0, REST_MS);
      start = performance.now();
    }
  }
}
