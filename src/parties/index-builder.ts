import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_NICE } from './build-priority.ts';
import { EntityTable } from './entity-table.ts';
import type { BuildAnswer, BuildRequest, HandOver } from './index-process.ts';
import { type KnownWords, type PackedIndex, unpackSteps } from './index-transfer.ts';
import { indexOver } from './match-index.ts';
import { decode, encode, handOverPrefix, writeSections } from './section-file.ts';
import { runInSlices, type SliceStats } from './slices.ts';
import type { MatchIndex } from './types.ts';

const ENTRY = fileURLToPath(new URL('./index-process.ts', import.meta.url));
/**
 * The service and the tests run under `node --import tsx`; the child needs the same loader to run a .ts entry.
 * Resolved here, from this package, so that it does not depend on the working directory.
 */
const TSX = import.meta.resolve('tsx');

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

export type BuildOptions = {
  sliceMs?: number;
  stats?: SliceStats;
  signal?: AbortSignal;
  report?: BuildReport;
  /**
   * The service's first build, beside which no request is answered from an index: the index process runs it at
   * normal priority, and lowers itself for good at the first build without this (index-process.ts).
   */
  atStart?: boolean;
};

export interface IndexBuilder {
  /**
   * The index over `entities` (one table, not kept, or lists by version, kept prepared in the child), identical
   * to buildIndex's over the concatenated entries. One build at a time; later calls queue.
   */
  build(entities: EntityTable | readonly IndexPart[], opts?: BuildOptions): Promise<MatchIndex>;
  /** The index process's id while one runs (tests and benches look at it). */
  pid(): number | undefined;
  /** Kills the index process; later builds reject. */
  close(): void;
}

/**
 * Rest between the slices of the unpacking on the main thread. Once the build's own part shrank to ~0.5 s, the
 * unpacking (~30-50 ms of CPU, then the scavenges of what it allocated) was the largest burst an activation
 * caused: run back to back with requests only between 5 ms slices, it took most of the event loop for
 * ~100-200 ms, and at a paced 500 req/s on a 2-core host the requests queued behind it set p99 (100-180 ms
 * against 12-80 ms before, bench:activation BENCH_TRACE). At a third of the loop it takes a few hundred ms,
 * which nobody waits on.
 */
const UNPACK_REST_MS = 10;

/**
 * Builds match indexes in a child process at a low CPU priority (build-priority.ts, index-process.ts), started by the first
 * build (at service start, before any load) and kept: its start-up compiles its modules through tsx, ~340 ms of
 * CPU, which paid at every activation was the largest spike an activation caused. The child keeps each list's
 * preparation (tokenised names, ~75% of a build) for the active and the previous version of each source, so an
 * activation hands it only the changed list's buffers and it tokenises only that list. Both directions go
 * through a hand-over file (section-file.ts); the main thread then rebuilds the vocabulary's strings in slices.
 *
 * A build that fails or is aborted kills the child, with what it had prepared, and the next build starts a fresh
 * one. Unreferenced while idle, the child never keeps the API alive; it exits by itself when the API process goes
 * away, even killed with SIGKILL (index-process.ts, 'disconnect').
 */
export function createIndexBuilder(): IndexBuilder {
  let kept: ChildProcess | undefined;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  /** Keys of the lists the child holds prepared, and the key each source had in the last build. */
  let held = new Set<string>();
  let lastKeys = new Map<string, string>();
  /**
   * The words of the last index unpacked here, which the next one takes over (index-transfer.ts), and the number
   * of the build they came from (the child sends their positions for that build). Strings, equal whichever
   * build made them, so they outlive a dropped child; they keep the previous vocabulary alive one build longer.
   */
  let lastWords: KnownWords | undefined;
  let builds = 0;

  function indexProcess(low: boolean): ChildProcess {
    if (kept) return kept;
    const child = spawnIndexProcess(low);
    child.once('exit', () => forget(child));
    child.on('error', () => {}); // a failed spawn or send; the build waiting on it sees it and rejects
    kept = child;
    return child;
  }

  function forget(child: ChildProcess): void {
    if (kept !== child) return;
    kept = undefined;
    held = new Set();
    lastKeys = new Map();
  }

  function drop(child: ChildProcess): void {
    forget(child);
    child.kill('SIGKILL');
  }

  async function buildOnce(parts: readonly (IndexPart | { entries: EntityTable })[], opts: BuildOptions) {
    if (closed) throw new Error('index builder closed');
    opts.signal?.throwIfAborted();
    const low = !opts.atStart;
    const child = indexProcess(low);
    idle(child, false);
    let ok = false;
    let input: string | undefined;
    let onAbort: (() => void) | undefined;
    const listeners: { event: string; fn: (...args: never[]) => void }[] = [];
    const on = (event: string, fn: (...args: never[]) => void) => {
      listeners.push({ event, fn });
      child.once(event, fn as (...args: unknown[]) => void);
    };
    try {
      const answered = new Promise<BuildAnswer>((resolve, reject) => {
        on('message', resolve);
        on('error', reject);
        on('exit', (code: number | null, signal: string | null) =>
          reject(new Error(`index process exited (${code ?? signal})`)),
        );
        onAbort = () => reject(opts.signal!.reason);
        opts.signal?.addEventListener('abort', onAbort, { once: true });
      });
      answered.catch(() => {}); // observed below; a rejection while the input is being written must not go unhandled
      const keys = parts.map((p) => ('source' in p ? keyOf(p) : null));
      const fresh = keys.map((k) => k === null || !held.has(k));
      const id = ++builds;
      let handOver: HandOver | null = null;
      if (fresh.includes(true)) {
        const chunks = Object.fromEntries(
          parts.flatMap((p, i) => (fresh[i] ? [[String(i), p.entries.chunkParts()]] : [])),
        );
        const encoded = encode(chunks);
        // Named after the child, which removes what is left of its files should this process die first.
        input = await writeSections(`${handOverPrefix(child.pid ?? 0)}in-${id}.bin`, encoded);
        handOver = { path: input, skeleton: encoded.skeleton };
      }
      opts.signal?.throwIfAborted();
      // Kept after this build: its lists, and the version each source had before (a rollback costs no tokenising).
      const keep = new Set(keys.filter((k) => k !== null));
      for (const p of parts) {
        const before = 'source' in p ? lastKeys.get(p.source) : undefined;
        if (before && held.has(before)) keep.add(before);
      }
      const request: BuildRequest = {
        parts: keys.map((key, i) => ({ key, fresh: fresh[i]! })),
        keep: [...keep],
        id,
        wordsIn: lastWords?.build ?? null,
        input: handOver,
        low,
      };
      child.send(request);
      const answer = await answered;
      if ('error' in answer) throw new Error(`index process: ${answer.error}`);
      const file = await readFile(answer.ok.path);
      await rm(answer.ok.path, { force: true });
      const packed = decode<PackedIndex>(answer.ok.skeleton, file);
      ok = true;
      held = keep;
      lastKeys = new Map(parts.flatMap((p) => ('source' in p ? [[p.source, keyOf(p)] as const] : [])));
      if (opts.report) Object.assign(opts.report, { prepared: answer.ok.prepared, parts: parts.length });
      const entities = EntityTable.concat(parts.map((p) => p.entries));
      const unpacked = unpackSteps(packed, entities, lastWords);
      const data = await runInSlices(unpacked, opts.sliceMs, opts.stats, opts.signal, UNPACK_REST_MS);
      lastWords = { vocab: data.vocab, vocabMap: data.vocabMap, build: id };
      return indexOver(data);
    } finally {
      for (const { event, fn } of listeners) child.off(event, fn as (...args: unknown[]) => void);
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
      // Read and unlinked by the child once it has the request; here if the build failed before that.
      if (input) void rm(input, { force: true }).catch(() => {});
      if (ok) idle(child, true);
      else drop(child);
    }
  }

  return {
    build(entities, opts = {}) {
      const parts = entities instanceof EntityTable ? [{ entries: entities }] : entities;
      const run = queue.then(() => buildOnce(parts, opts));
      queue = run.catch(() => {});
      return run;
    },
    pid: () => kept?.pid,
    close() {
      closed = true;
      if (kept) drop(kept);
    },
  };
}

const keyOf = (p: IndexPart) => `${p.source}@${p.version}`;

/** Unreferenced while idle, the child and its IPC channel never keep the API process alive. */
function idle(child: ChildProcess, yes: boolean): void {
  if (yes) {
    child.unref();
    child.channel?.unref();
  } else {
    child.ref();
    child.channel?.ref();
  }
}

/**
 * For a `low` build through `nice -n BUILD_NICE` where it exists, so that the child's threads are niced from their start
 * (the child nices them again, its session's autogroup too, and sets SCHED_IDLE, before the build: index-process.ts,
 * build-priority.ts). Detached: a
 * session of its own, whose autogroup the child can nice without nicing the API's. Its stderr is the API's, for
 * a crash's trace.
 */
function spawnIndexProcess(low: boolean): ChildProcess {
  const node = [process.execPath, '--import', TSX, ENTRY];
  const nice = low ? onPath('nice') : undefined;
  const [command, ...args] = nice ? [nice, '-n', String(BUILD_NICE), ...node] : node;
  return spawn(command!, args, { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const path = join(dir, command);
    if (dir && existsSync(path)) return path;
  }
  return undefined;
}
