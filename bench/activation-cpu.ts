/**
 * What one list activation costs in CPU, without HTTP or PostgreSQL: npm run bench:activation-cpu [-- --swaps 4]
 * Every real list is loaded into an in-memory version store; the active lists (src/lists/active) build their
 * snapshot once, then the BIS Denied Persons List is switched between two versions (the second without its last
 * five entries) `--swaps` times, each followed by the refresh an activation triggers. For each: wall time, CPU
 * of the main thread (what requests wait behind) and of the process's other threads (the index worker, GC
 * helpers), from /proc (10 ms ticks). CPU time is the steadier measure on a shared machine; latency under load
 * is bench:activation's. Writes bench/results/activation-cpu.md.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ListEntity } from '../src/entity/list-entity.ts';
import { createActiveLists } from '../src/lists/active/active-lists.ts';
import type { VersionStore } from '../src/lists/versions/version-store.ts';
import type { ListVersionRow } from '../src/lists/versions/version-types.ts';
import { createLogger } from '../src/logger.ts';
import { loadRealLists, SOURCE_PATHS } from './support/load-real-lists.ts';
import { SWAP_SOURCE } from './support/second-version.ts';

const { values } = parseArgs({ options: { swaps: { type: 'string', default: '4' } } });
const SWAPS = Number(values.swaps);
const TICK_MS = 10; // USER_HZ 100 on Linux

/** CPU ms of one thread of this process (utime + stime). */
function threadCpuMs(tid: number): number {
  const s = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}
const processCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const sources = new Map<string, ListEntity[]>();
for (const id of Object.keys(SOURCE_PATHS)) {
  const { entities } = await loadRealLists([id], () => {});
  if (entities.length) sources.set(id, entities);
}
const swapped = sources.get(SWAP_SOURCE);
if (!swapped) throw new Error(`${SWAP_SOURCE} is not among the loaded lists`);
const versions = new Map<number, ListEntity[]>([
  [1, swapped],
  [2, swapped.slice(0, -5)],
]);
let swapVersion = 1;
const row = (sourceId: string, version: number) =>
  ({ sourceId, version, status: 'active' }) as unknown as ListVersionRow;
const store = {
  allActive: async () => [...sources.keys()].map((id) => row(id, id === SWAP_SOURCE ? swapVersion : 1)),
  items: async (id: string, version: number) =>
    id === SWAP_SOURCE ? versions.get(version)! : sources.get(id)!,
} as unknown as VersionStore;

const active = createActiveLists({ store, log: createLogger('warn'), isControlList: () => false });
const total = [...sources.values()].reduce((n, s) => n + s.length, 0);
console.error(`[activation-cpu] ${sources.size} sources, ${total} entities`);

const rows: string[] = [];
async function measured(label: string) {
  const main0 = threadCpuMs(process.pid);
  const all0 = processCpuMs();
  const t0 = performance.now();
  const snap = await active.refresh();
  const wall = performance.now() - t0;
  const main = threadCpuMs(process.pid) - main0;
  const others = processCpuMs() - all0 - main;
  rows.push(
    `| ${label} | ${Math.round(wall)} ms | ${main} ms | ${Math.round(others)} ms | ${snap.entityCount} |`,
  );
  console.error(`[activation-cpu] ${rows.at(-1)}`);
}

const load = () => loadavg()[0]!.toFixed(2);
const loadBefore = load();
await measured('first build');
for (let i = 1; i <= SWAPS; i++) {
  swapVersion = swapVersion === 1 ? 2 : 1;
  await measured(`activation ${i} (${SWAP_SOURCE} v${swapVersion})`);
}
await active.close();
const report = [
  `# bench:activation-cpu — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore} → ${load()}`,
  '',
  `${sources.size} real lists (${total} entities) in an in-memory version store; ${SWAP_SOURCE} switched between two versions (the second without its last five entries), each switch followed by the refresh an activation triggers. CPU from /proc in 10 ms ticks; "other threads" is the index worker plus V8's helper threads.`,
  '',
  '| refresh | wall | main-thread CPU | other threads CPU | entities |',
  '|---|--:|--:|--:|--:|',
  ...rows,
  '',
].join('\n');
console.log(report);
await mkdir(resolve(import.meta.dirname, 'results'), { recursive: true });
await writeFile(resolve(import.meta.dirname, 'results/activation-cpu.md'), report);
