import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AssembledIndex, assembleIndexSteps } from './assemble-index.ts';
import { BUILD_NICE, BUILD_SCHED_IDLE_ARGS } from './build-priority.ts';
import { EntityTable } from './entity-table.ts';
import { knownIds, packIndex } from './index-transfer.ts';
import { type PreparedSource, prepareSourceSteps } from './prepare-source.ts';
import { decode, encode, handOverPrefix, removeHandOvers, writeSectionsSync } from './section-file.ts';
import type { Steps } from './slices.ts';
import type { StringTable } from './string-table.ts';

/**
 * Child-process entry of the index builder (started once by index-builder.ts and kept). Per build it gets the
 * buffers of the lists it has not prepared yet, as a hand-over file (section-file.ts), and the build's parts in
 * order. It prepares those lists (prepare-source.ts), takes the others from what it kept, assembles the index
 * and writes it back packed into another hand-over file, whose path and layout it sends. An activation of one
 * list thus tokenises that list only: the rest is assembly.
 *
 * A process, not a worker thread, because of its helpers: a worker thread shares the API process's V8 platform
 * (GC and compiler threads), which served the niced worker's heap at normal priority (50-840 ms of CPU per
 * activation against the worker's own 370-940 ms, bench:activation-cpu). Here every thread is the builder's.
 */
export type BuildRequest = {
  parts: { key: string | null; fresh: boolean }[];
  /** Keys of the prepared lists to keep after this build; the others are dropped. */
  keep: string[];
  /** This build's number, and the build whose words the API process holds (null: none). */
  id: number;
  wordsIn: number | null;
  /** The fresh parts' entity buffers, by part number (null when every part is kept here). */
  input: HandOver | null;
  /** Whether to build at low priority: from the first such build on, for good (see lowerPriority). */
  low: boolean;
};
export type HandOver = { path: string; skeleton: unknown };
export type BuildAnswer = { ok: HandOver & { prepared: number } } | { error: string };

type Chunk = { bytes: Uint8Array; ends: Uint32Array };

/** Prepared lists by key (list and version); the API process names what to keep after each build. */
const prepared = new Map<string, PreparedSource>();
/**
 * The vocabulary of the last index sent: the API process takes its words over into the next index, and finds
 * them by the positions worked out here (index-transfer.ts PackedIndex.known), at this process's low priority.
 */
let lastVocab: { id: number; table: StringTable } | undefined;
// The API process went away (closed, or killed, even with SIGKILL: the IPC pipe closes with it). Nobody will
// read what this process builds, and it must not outlive its parent. Hand-over files both ways are named after
// this process (handOverPrefix): one the API wrote and died before this process read it goes too.
process.on('disconnect', () => {
  removeHandOvers(handOverPrefix(process.pid));
  process.exit(0);
});

let lowered = false;

process.on('message', (m: BuildRequest) => {
  // Before any of the build's work; an unprivileged process cannot raise its priority again, nor need it.
  if (m.low && !lowered) {
    lowerPriority();
    lowered = true;
  }
  build(m).then(
    (ok) => send({ ok }),
    (err: unknown) => send({ error: (err as Error)?.stack ?? String(err) }),
  );
});

const send = (answer: BuildAnswer) => {
  if (process.connected) process.send!(answer);
};

async function build(m: BuildRequest): Promise<HandOver & { prepared: number }> {
  const received = new Map<number, Chunk[]>();
  if (m.input) {
    const file = readFileSync(m.input.path);
    rmSync(m.input.path, { force: true });
    for (const [part, chunks] of Object.entries(decode<Record<string, Chunk[]>>(m.input.skeleton, file)))
      received.set(Number(part), chunks);
  }
  // The entries are not kept past their preparation: this process holds prepared lists, never tables.
  const built = await runWithRests(assemble(m.parts, received));
  for (const key of [...prepared.keys()]) if (!m.keep.includes(key)) prepared.delete(key);
  const known =
    lastVocab && lastVocab.id === m.wordsIn
      ? { of: lastVocab.id, ids: knownIds(built.index.vocabMap, lastVocab.table) }
      : undefined;
  lastVocab = { id: m.id, table: built.index.vocabMap };
  const encoded = encode(packIndex(built.index, known));
  const path = writeSectionsSync(`${handOverPrefix(process.pid)}out-${m.id}.bin`, encoded);
  return { path, skeleton: encoded.skeleton, prepared: built.fresh };
}

function* assemble(
  parts: BuildRequest['parts'],
  received: Map<number, Chunk[]>,
): Steps<{ index: AssembledIndex; fresh: number }> {
  const ready: PreparedSource[] = [];
  let fresh = 0;
  for (const [i, { key, fresh: isFresh }] of parts.entries()) {
    let part = isFresh || key === null ? undefined : prepared.get(key);
    if (!part) {
      // A part the API process believes kept but is not here would be a protocol bug: fail loudly. The API
      // process drops this one with its state (this activation falls back to a build on the event loop) and the
      // next build starts a fresh one.
      if (!isFresh) throw new Error(`index process: list ${key} is not prepared here`);
      part = yield* prepareSourceSteps(EntityTable.fromChunks(received.get(i) ?? []));
      fresh++;
      if (key !== null) prepared.set(key, part);
    }
    ready.push(part);
  }
  return { index: yield* assembleIndexSteps(ready), fresh };
}

/**
 * A low CPU priority (SCHED_IDLE and BUILD_NICE, build-priority.ts) for every thread of this process, before the build's
 * work; threads started later inherit it.
 * Not before the first build if that is the service's first (index-builder.ts BuildOptions.atStart), which
 * nobody is served beside: at the lowest priority on a busy machine (load 12) it took 209 s instead of 45.
 * Two levels, because Linux schedules by group first: with autogroups (the default on desktop and VM kernels,
 * and here), CPU is shared between sessions before it is shared between their processes, so a nice-19 thread in
 * the API's session still competed evenly with PostgreSQL (another session) whenever the API's own threads
 * left their session's share unused. Measured on this host with two busy loops per side: at nice 19 in the
 * same session as the competitor's parent they took 40% of the CPU against the other session's 30%; at nice
 * 19 in a session of their own whose autogroup is niced to 19, 0.3% against 39%. So the builder starts in a
 * session of its own (index-builder.ts spawns it detached) and nices that session's autogroup, then every
 * thread it has (V8's GC and compiler helpers, tsx's loader thread) in case it was not started through `nice`.
 * Where neither exists (no /proc, another OS) the build runs at normal priority, with its rests.
 */
function lowerPriority(): void {
  try {
    writeFileSync('/proc/self/autogroup', String(BUILD_NICE));
  } catch {}
  try {
    for (const tid of readdirSync('/proc/self/task')) setPriority(Number(tid), BUILD_NICE);
  } catch {}
  try {
    // Every thread at once (--all-tasks); threads started later inherit the policy (build-priority.ts).
    execFileSync('chrt', [...BUILD_SCHED_IDLE_ARGS, String(process.pid)], { stdio: 'ignore', timeout: 5000 });
  } catch {} // no chrt: the nice level alone
}

/**
 * The build runs RUN_MS, then rests REST_MS. Even niced, the build took a core's worth from a 2-core host while
 * it ran (as a worker thread, in the API's session: see lowerPriority), and at a paced 500 req/s p99 during an
 * activation was 3-12x p99 before it (AMD host, bench:activation). Half a core leaves the service and PostgreSQL
 * the room they had; the activation takes about twice as long, which nobody waits on. The rests are timers, so
 * the IPC channel's 'disconnect' is seen between slices, not only at the end of a build.
 */
const RUN_MS = 10;
const REST_MS = 10;

async function runWithRests<T>(steps: Steps<T>): Promise<T> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= RUN_MS) {
      await sleep(REST_MS);
      start = performance.now();
    }
  }
}
