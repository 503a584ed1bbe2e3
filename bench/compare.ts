/**
 * Paired comparison of POST /screen's cost: npm run bench:compare -- [--base HEAD] [--rate 600] [--slice 3]
 * [--rounds 8]. Runs this working tree and a base revision (a temporary git worktree) side by side, each on its
 * own copy of one database with every real list, and alternates short paced slices between them (the order
 * flips every round). This machine kind's speed differs by up to 2x between hosts and drifted 1.4x within an
 * hour on one, so two bench:http runs minutes apart differ by more than most changes do; slices seconds apart
 * see the same machine. Two A/A runs (base against itself) agreed within 3% on the service's CPU per request
 * and within 10% on PostgreSQL's. Reports, per side, CPU per request of the service process and of its own
 * PostgreSQL backends, and latency; and the per-round ratio of the service's CPU, whose spread shows what
 * difference the run can resolve. Prints its report; writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { processCpu } from './support/cpu-usage.ts';
import {
  type BenchService,
  cleanup,
  listedNames,
  prepareDatabase,
  startBenchService,
} from './support/http-service.ts';
import { pacedLoad, percentile } from './support/paced-load.ts';
import { createScreenMix } from './support/screen-mix.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'HEAD' },
    rate: { type: 'string', default: '600' },
    slice: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '8' },
  },
});
const RATE = Number(values.rate);
const SLICE_S = Number(values.slice);
const ROUNDS = Number(values.rounds);
const ROOT = resolve(import.meta.dirname, '..');
const log = (m: string) => console.error(`[bench:compare] ${m}`);
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

const { db, env, dataDir, adminKey } = await prepareDatabase(log);
const names = await listedNames(db.url);
// Each side writes its own copy: a table one side has filled must not slow the other's inserts. The copies are
// of a database this working tree's code prepared (its migrations): a base that lacks a newer migration runs
// on the newer schema.
const onDatabase = (name: string) => Object.assign(new URL(db.url), { pathname: `/${name}` }).href;
const admin = new pg.Client({ connectionString: onDatabase('postgres') });
await admin.connect();
const prepared = new URL(db.url).pathname.slice(1);
const copies: string[] = [];
const copyOf = async (suffix: string) => {
  const name = `${prepared}_${suffix}`;
  copies.push(name);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${prepared}`);
  return { name, url: onDatabase(name) };
};

const baseRev = git('rev-parse', '--short', values.base);
const baseDir = await mkdtemp(join(tmpdir(), 'tradescreen-compare-'));

interface Side {
  label: string;
  db: string;
  svc: BenchService;
  serviceCpu: number;
  postgresCpu: number;
  requests: number;
  failed: number;
  latencies: number[];
  perRound: number[];
}

async function startSide(label: string, root: string, suffix: string): Promise<Side> {
  const copy = await copyOf(suffix);
  const svc = await startBenchService(
    { ...env, DATABASE_URL: copy.url, DATA_DIR: dataDir, TRADESCREEN_ADMIN_KEY: adminKey },
    { root },
  );
  return {
    label,
    db: copy.name,
    svc,
    serviceCpu: 0,
    postgresCpu: 0,
    requests: 0,
    failed: 0,
    latencies: [],
    perRound: [],
  };
}

/** CPU seconds so far of the PostgreSQL backends serving one database (its service's pool). */
async function backendsCpu(datname: string): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
    [datname],
  );
  return rows.reduce((n, r) => n + processCpu(r.pid), 0);
}

const headers = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };
const next = createScreenMix(names, 11);
const slice = (s: Side, durationS: number) =>
  pacedLoad({
    url: s.svc.baseUrl,
    path: '/screen',
    headers,
    body: () => JSON.stringify(next()),
    rate: RATE,
    durationS,
    connections: 64,
  });

const sides: Side[] = [];
try {
  git('worktree', 'add', '--detach', baseDir, baseRev);
  // The base runs with this checkout's installed packages and console build: a comparison of code, not of installs.
  symlinkSync(join(ROOT, 'node_modules'), join(baseDir, 'node_modules'));
  if (existsSync(join(ROOT, 'console/dist')) && !existsSync(join(baseDir, 'console/dist')))
    symlinkSync(join(ROOT, 'console/dist'), join(baseDir, 'console/dist'));
  sides.push(await startSide(`base ${baseRev}`, baseDir, 'base'));
  sides.push(await startSide('working tree', ROOT, 'work'));
  for (const s of sides) await slice(s, 5); // warm-up: JIT, pool, caches
  log(`${ROUNDS} rounds × ${SLICE_S} s per side at ${RATE} req/s`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of round % 2 === 0 ? sides : [...sides].reverse()) {
      const cpu0 = processCpu(s.svc.pid);
      const pg0 = await backendsCpu(s.db);
      const r = await slice(s, SLICE_S);
      const cpu = processCpu(s.svc.pid) - cpu0;
      s.serviceCpu += cpu;
      s.postgresCpu += (await backendsCpu(s.db)) - pg0;
      s.requests += r.completed;
      s.failed += r.non2xx + r.errors;
      s.perRound.push((cpu * 1e6) / Math.max(1, r.completed));
      for (const x of r.latencies) s.latencies.push(x);
    }
  }
} finally {
  for (const s of sides) await s.svc.stop();
  for (const name of copies) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await cleanup(db, dataDir);
  await rm(baseDir, { recursive: true, force: true });
  git('worktree', 'prune');
}

const us = (seconds: number, n: number) => `${Math.round((seconds * 1e6) / Math.max(1, n))} µs`;
const rows = sides.map((s) => {
  const l = Float64Array.from(s.latencies).sort();
  const p = (x: number) => percentile(l, x).toFixed(1);
  return `| ${s.label} | ${us(s.serviceCpu, s.requests)} | ${us(s.postgresCpu, s.requests)} | ${p(50)} | ${p(90)} | ${p(99)} | ${s.requests} | ${s.failed} |`;
});
const [a, b] = sides as [Side, Side];
const ratios = a.perRound.map((x, i) => b.perRound[i]! / x).sort((x, y) => x - y);
const pct = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;
console.log(
  [
    `# bench:compare — working tree vs ${baseRev}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${ROUNDS} rounds, ${SLICE_S} s per side per round, paced ${RATE} req/s (open loop, up to 64 connections); one party and two goods lines per request, every real list loaded.`,
    '',
    '| side | service CPU / request | PostgreSQL backends CPU / request | p50 ms | p90 ms | p99 ms | requests | non-2xx or failed |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
    '',
    `Service CPU per request, working tree vs base, per round: median ${pct(ratios[Math.floor(ratios.length / 2)]!)}, range ${pct(ratios[0]!)} to ${pct(ratios.at(-1)!)}. A difference inside that range is not shown by this run.`,
  ].join('\n'),
);
