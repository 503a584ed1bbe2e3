/**
 * What one list activation costs in CPU, without HTTP or PostgreSQL:
 * npm run bench:activation-cpu [-- --swaps 4 --queries 3000 --after 500]
 * Every real list is loaded into an in-memory version store; the active lists (src/lists/active) build their
 * snapshot once, then the BIS Denied Persons List is switched between two versions (the second without its last
 * five entries) `--swaps` times, each after `--queries` searches of bench:activation's party mix (so the old
 * index has query memos for the new one to warm, src/parties/index-memo.ts) and followed by the refresh an
 * activation triggers, then `--after` searches of the same mix, whose CPU is what the new index's memos cost the
 * first requests. For each: wall time, CPU
 * of the main thread (what requests wait behind), of the index process (a child, every thread of it niced, so it
 * takes what the service leaves) and of this process's other threads (V8's GC and compiler helpers, libuv's
 * thread pool), from /proc (10 ms ticks). CPU time is the steadier measure on a
 * shared machine; latency under load is bench:activation's. Writes bench/results/activation-cpu.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ListEntity } from '../src/entity/list-entity.ts';
import { createActiveLists } from '../src/lists/active/active-lists.ts';
import type { VersionStore } from '../src/lists/versions/version-store.ts';
import type { ListVersionRow } from '../src/lists/versions/version-types.ts';
import { createLogger } from '../src/logger.ts';
import type { PartyQuery } from '../src/parties/index.ts';
import { loadRealLists, SOURCE_PATHS } from './support/load-real-lists.ts';
import { createScreenMix, rng } from './support/screen-mix.ts';
import { SWAP_SOURCE } from './support/second-version.ts';

const { values } = parseArgs({
  options: {
    swaps: { type: 'string', default: '4' },
    queries: { type: 'string', default: '3000' },
    after: { type: 'string', default: '500' },
  },
});
const SWAPS = Number(values.swaps);
/** Searches of the HTTP bench's party mix before each activation: the old index's memos that the new one warms. */
const QUERIES = Number(values.queries);
/** Searches timed right after each swap, the same mix: what a cold or warmed memo costs the first requests. */
const AFTER = Number(values.after);
/** The first of them, timed apart: at 500 req/s, the requests of the first 100 ms after a swap. */
const FIRST = Math.min(50, AFTER);

/** The main thread's CPU time in ns (schedstat's first field): precise where the stat file counts 10 ms ticks. */
const mainThreadNs = () =>
  Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
const TICK_MS = 10; // USER_HZ 100 on Linux

/** The fields of a /proc stat file after the command's name (f[1] is the parent's pid), or none if it is gone. */
function statOf(path: string): string[] | undefined {
  try {
    const s = readFileSync(path, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // a thread or process that ended meanwhile
  }
}
const cpuMs = (f: string[]) => (Number(f[11]) + Number(f[12])) * TICK_MS;

/**
 * CPU ms (utime + stime): this process's main thread and its other threads, and the index process, every thread
 * of it (a child of this process: its pid changes when a build drops it). A child that exited is no longer
 * counted, so a dropped index process's CPU is lost from "niced" (none is dropped in this bench).
 */
function threadsCpuMs(): { main: number; niced: number; others: number } {
  const out = { main: 0, niced: 0, others: 0 };
  for (const tid of readdirSync('/proc/self/task')) {
    const f = statOf(`/proc/self/task/${tid}/stat`);
    if (!f) continue;
    if (Number(tid) === process.pid) out.main += cpuMs(f);
    else out.others += cpuMs(f);
  }
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(statOf(`/proc/${pid}/stat`)?.[1]) !== process.pid) continue;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const f = statOf(`/proc/${pid}/task/${tid}/stat`);
      if (f) out.niced += cpuMs(f);
    }
  }
  return out;
}

// Each list as JSON text, parsed when the store is asked for it as PostgreSQL's rows are: held as objects, the
// lists' million small objects made every major GC of the main thread several times dearer than the service's.
const sources = new Map<string, string>();
const counts = new Map<string, number>();
for (const id of Object.keys(SOURCE_PATHS)) {
  const { entities } = await loadRealLists([id], () => {});
  if (entities.length) sources.set(id, JSON.stringify(entities));
  if (entities.length) counts.set(id, entities.length);
}
const swapped = sources.get(SWAP_SOURCE);
if (!swapped) throw new Error(`${SWAP_SOURCE} is not among the loaded lists`);
const versions = new Map<number, string>([
  [1, swapped],
  [2, JSON.stringify((JSON.parse(swapped) as ListEntity[]).slice(0, -5))],
]);
let swapVersion = 1;
const row = (sourceId: string, version: number) =>
  ({ sourceId, version, status: 'active' }) as unknown as ListVersionRow;
const store = {
  allActive: async () => [...sources.keys()].map((id) => row(id, id === SWAP_SOURCE ? swapVersion : 1)),
  items: async (id: string, version: number) =>
    JSON.parse(id === SWAP_SOURCE ? versions.get(version)! : sources.get(id)!) as ListEntity[],
} as unknown as VersionStore;

/** `n` entity names drawn from every list, as bench:activation's listedNames draws them from the database. */
function listedSample(lists: Map<string, string>, n: number): string[] {
  const all = [...lists.values()].flatMap((json) => (JSON.parse(json) as ListEntity[]).map((e) => e.name));
  const r = rng(7);
  return Array.from({ length: Math.min(n, all.length) }, () => all[Math.floor(r() * all.length)]!);
}

const active = createActiveLists({ store, log: createLogger('warn'), isControlList: () => false });
const total = [...counts.values()].reduce((n, c) => n + c, 0);
console.error(`[activation-cpu] ${sources.size} sources, ${total} entities`);

const names = listedSample(sources, 2000);
const mix = createScreenMix(names, 11);
const search = (n: number) => {
  for (let i = 0; i < n; i++) {
    const [p] = mix().parties as { kind: PartyQuery['kind']; name: string }[];
    active.current().partyIndex.search({ kind: p!.kind, name: p!.name });
  }
};

const rows: string[] = [];
const load = () => loadavg()[0]!.toFixed(2);
async function measured(label: string) {
  const cpu0 = threadsCpuMs();
  const t0 = performance.now();
  const snap = await active.refresh();
  const wall = performance.now() - t0;
  const cpu = threadsCpuMs();
  const s0 = mainThreadNs();
  search(FIRST);
  const s1 = mainThreadNs();
  search(AFTER - FIRST);
  const firstMs = (s1 - s0) / 1e6;
  const afterMs = (mainThreadNs() - s0) / 1e6;
  rows.push(
    `| ${label} | ${Math.round(wall)} ms | ${cpu.main - cpu0.main} ms | ${cpu.niced - cpu0.niced} ms | ${cpu.others - cpu0.others} ms | ${firstMs.toFixed(1)} ms | ${afterMs.toFixed(0)} ms | ${snap.entityCount} | ${load()} |`,
  );
  console.error(`[activation-cpu] ${rows.at(-1)}`);
}

const loadBefore = load();
await measured('first build');
// Only the switched list is read again: the others' text would only swell the heap the main thread's GC marks.
for (const id of sources.keys()) if (id !== SWAP_SOURCE) sources.set(id, '[]');
for (let i = 1; i <= SWAPS; i++) {
  swapVersion = swapVersion === 1 ? 2 : 1;
  search(QUERIES);
  await measured(`activation ${i} (${SWAP_SOURCE} v${swapVersion})`);
}
await active.close();
const report = [
  `# bench:activation-cpu — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore} → ${load()}`,
  '',
  `${sources.size} real lists (${total} entities) in an in-memory version store; ${SWAP_SOURCE} switched between two versions (the second without its last five entries), each switch followed by the refresh an activation triggers. CPU from /proc in 10 ms ticks; "index process" is every thread of the child process that builds the index (all niced); "helpers" are this process's other threads (V8's GC and compiler threads, libuv's thread pool, which reads the hand-over file).`,
  '',
  `Before each activation, ${QUERIES} searches of bench:activation's party mix on the current index (not measured), whose query memos the new index warms before its swap (src/parties/index-memo.ts); "first ${FIRST}" and "${AFTER} searches after" are the main thread's CPU for that many searches of the same mix right after the swap (from /proc's schedstat, in ns).`,
  '',
  `| refresh | wall | main-thread CPU | index process CPU | helpers CPU | first ${FIRST} searches after | ${AFTER} searches after | entities | load |`,
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...rows,
  '',
].join('\n');
console.log(report);
await mkdir(resolve(import.meta.dirname, 'results'), { recursive: true });
await writeFile(resolve(import.meta.dirname, 'results/activation-cpu.md'), report);
