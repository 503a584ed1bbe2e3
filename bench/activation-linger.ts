/**
 * Does a list activation leave the service slower after it? npm run bench:activation-linger [-- --swaps 4
 * --batch 600 --grow 40000]. In one process, without HTTP (the service's container, every real list, a fresh
 * database): a fixed batch of screenings (the same bodies each time) is measured before and after each
 * activation of the other of two versions of the BIS Denied Persons List, then again after `--grow` more
 * screenings were stored without any activation. Counts, not latency, on a shared machine: the heap after a
 * forced GC, how many of the snapshots swapped out are still reachable (WeakRef), and CPU per screening of this
 * process and of its PostgreSQL backends (/proc). Writes bench/results/activation-linger.md.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import pg from 'pg';
import type { ScreenRequest } from '../src/contract/screening-types.ts';
import { benchContainer, cleanup, listedNames, prepareDatabase } from './support/http-service.ts';
import { createScreenMix } from './support/screen-mix.ts';
import { addSecondVersion, SWAP_SOURCE } from './support/second-version.ts';

const { values } = parseArgs({
  options: {
    swaps: { type: 'string', default: '4' },
    batch: { type: 'string', default: '600' },
    grow: { type: 'string', default: '40000' },
    concurrency: { type: 'string', default: '8' },
  },
});
const SWAPS = Number(values.swaps);
const BATCH = Number(values.batch);
const GROW = Number(values.grow);
const CONCURRENCY = Number(values.concurrency);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const log = (m: string) => console.error(`[activation-linger] ${m}`);

const { db, env, dataDir, adminKey } = await prepareDatabase(log);
await addSecondVersion(env, dataDir, db.url, adminKey);
const names = await listedNames(db.url);
const c = await benchContainer({ env, dataDir, adminKey, url: db.url });
const principal = (await c.keys.authenticate(adminKey))!;
const admin = new pg.Client({ connectionString: db.url });
await admin.connect();

/** CPU ms so far of this database's backends, by pid (a backend that ended since is lost: rare, pools keep them). */
async function backendCpu(): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(f[11]) + Number(f[12])) * 10);
    } catch {}
  }
  return out;
}
const processCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Screens `bodies` with CONCURRENCY in flight, as the load does; CPU per screening of this process and of PG. */
async function run(bodies: ScreenRequest[]) {
  const pg0 = await backendCpu();
  const cpu0 = processCpuMs();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) await c.screening.screen(principal, bodies[next++]!, undefined);
    }),
  );
  const node = (processCpuMs() - cpu0) / bodies.length;
  let pgMs = 0;
  for (const [pid, ms] of await backendCpu()) pgMs += ms - (pg0.get(pid) ?? 0);
  return { node, pg: pgMs / bodies.length };
}

/** The same bodies every time (a fresh mix with one seed), so batches differ only in the service's state. */
const batch = () => {
  const mix = createScreenMix(names, 7);
  return Array.from({ length: BATCH }, () => mix() as unknown as ScreenRequest);
};
const swappedOut: WeakRef<object>[] = [];
/** The JS heap and the ArrayBuffers (the index's typed arrays live there) after a forced GC, in MB. */
const heapAfterGc = () => {
  gc();
  gc();
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  return `${mb(getHeapStatistics().used_heap_size)} + ${mb(process.memoryUsage().arrayBuffers)} MB`;
};
const stored = async () =>
  Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM screenings')).rows[0]!.n);

/** Rows read by sequential scans so far, by table: a statement whose plan scans a growing table shows here. */
async function seqReads(): Promise<Map<string, number>> {
  await new Promise((r) => setTimeout(r, 1200)); // backends report their counts at most once a second
  const { rows } = await admin.query<{ relname: string; n: string }>(
    'SELECT relname, seq_tup_read AS n FROM pg_stat_user_tables',
  );
  return new Map(rows.map((r) => [r.relname, Number(r.n)]));
}
const scans: string[] = [];

const rows: string[] = [];
async function measure(label: string) {
  const a = await run(batch());
  const s0 = await seqReads();
  const b = await run(batch());
  const s1 = await seqReads();
  const perScreening = [...s1]
    .map(([t, n]) => [t, (n - (s0.get(t) ?? 0)) / BATCH] as const)
    .filter(([, n]) => n >= 1)
    .sort((x, y) => y[1] - x[1])
    .map(([t, n]) => `${t} ${n.toFixed(0)}`);
  scans.push(`- ${label}: ${perScreening.join(', ') || 'none'}`);
  log(scans.at(-1)!);
  // The GC first: a deref keeps its target alive until the turn ends.
  const heap = heapAfterGc();
  const alive = swappedOut.filter((w) => w.deref() !== undefined).length;
  const row = `| ${label} | ${await stored()} | ${heap} | ${alive} of ${swappedOut.length} | ${a.node.toFixed(2)} / ${b.node.toFixed(2)} ms | ${a.pg.toFixed(2)} / ${b.pg.toFixed(2)} ms | ${loadavg()[0]!.toFixed(2)} |`;
  rows.push(row);
  log(row);
}

await run(batch()); // warm-up: JIT, caches, the pool's connections
await measure('before any activation');
let version = c.lists.active.current().versions.get(SWAP_SOURCE)!.version;
for (let i = 1; i <= SWAPS; i++) {
  const target = version === 2 ? 1 : 2;
  swappedOut.push(new WeakRef(c.lists.active.current()));
  await c.lists.service.activate(principal, SWAP_SOURCE, target, 'bench:activation-linger');
  while (c.lists.active.current().versions.get(SWAP_SOURCE)?.version !== target)
    await c.lists.active.refresh();
  version = target;
  await measure(`after activation ${i}`);
}
const mix = createScreenMix(names, 8);
for (let done = 0; done < GROW; done += 2000) {
  await run(Array.from({ length: Math.min(2000, GROW - done) }, () => mix() as unknown as ScreenRequest));
}
await measure(`after ${GROW} more screenings, no activation`);

await admin.end();
await c.close();
await cleanup(db, dataDir);
const report = [
  `# bench:activation-linger — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`,
  '',
  `One process, the service's container without HTTP, every real list, a fresh database. Each row: two runs of the same ${BATCH} screenings (${CONCURRENCY} in flight), CPU per screening of this process and of its PostgreSQL backends; the heap after a forced GC; the snapshots swapped out so far that are still reachable.`,
  '',
  '| state | screenings stored | heap + ArrayBuffers after GC | old snapshots alive | CPU/screening, service | CPU/screening, PostgreSQL | load |',
  '|---|--:|--:|--:|--:|--:|--:|',
  ...rows,
  '',
  'Rows read by sequential scans per screening (pg_stat_user_tables, second run of each row):',
  '',
  ...scans,
  '',
].join('\n');
console.log(report);
await mkdir(resolve(import.meta.dirname, 'results'), { recursive: true });
await writeFile(resolve(import.meta.dirname, 'results/activation-linger.md'), report);
