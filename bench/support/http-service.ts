import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { createContainer } from '../../src/container.ts';
import { SHIPPED_LIST_IDS } from '../../src/goods/index.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { createLogger } from '../../src/logger.ts';
import { freePort, startTestDatabase } from '../../test/support/database.ts';
import { newAdminSecret } from '../../test/support/test-app.ts';
import { listsDir, SOURCE_PATHS } from './load-real-lists.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every real list through the real refresh pipeline into a fresh database (server in DATABASE_URL, or embedded). */
export async function prepareDatabase(log: (m: string) => void) {
  const db = await startTestDatabase();
  const env: Record<string, string> = {
    LISTS_ENABLED: [...Object.keys(SOURCE_PATHS), ...SHIPPED_LIST_IDS].join(','),
  };
  for (const [id, path] of Object.entries(SOURCE_PATHS)) {
    env[`LIST_SOURCE_${id.toUpperCase().replaceAll('-', '_')}`] = join(listsDir(), path);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'tradescreen-bench-'));
  const adminKey = newAdminSecret();
  const c = await benchContainer({ env, dataDir, adminKey, url: db.url });
  for (const source of c.lists.catalog.sources) {
    const t0 = performance.now();
    const r = await refreshSource(c.lists.refreshDeps, source);
    log(
      `[bench:http] ${source.id}: ${r.outcome} ${r.detail ?? ''} (${Math.round(performance.now() - t0)} ms)`,
    );
  }
  await c.close();
  await checkpoint(db.url, log);
  return { db, env, dataDir, adminKey };
}

/** The service's container in this process on the bench database, without its workers, logging warnings only. */
export function benchContainer(s: {
  env: Record<string, string>;
  dataDir: string;
  adminKey: string;
  url: string;
}) {
  const config = loadConfig({
    ...s.env,
    DATABASE_URL: s.url,
    DATA_DIR: s.dataDir,
    TRADESCREEN_ADMIN_KEY: s.adminKey,
    RUN_WORKERS: 'false',
    LOG_LEVEL: 'warn',
  });
  return createContainer(config, createLogger('warn'));
}

/**
 * Writes out what the list load left in PostgreSQL's and the kernel's caches, and lets PostgreSQL recycle the
 * WAL it used. Without it the load (~0.5 GB of WAL) reaches the measured runs as write-back bursts, new WAL
 * segments written out in full and a checkpoint forced by WAL volume — effects of the set-up, not of the load.
 */
async function checkpoint(url: string, log: (m: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
  } catch (err) {
    // CHECKPOINT needs a superuser or pg_checkpoint; without it the figures carry the load's after-effects.
    log(`[bench] no CHECKPOINT after the list load: ${(err as Error).message}`);
  } finally {
    await client.end();
  }
}

/** A sample of listed names, so ~10% of the benchmark's parties are real hits. */
export async function listedNames(url: string, n = 2000): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT item->>'name' AS name FROM list_items WHERE item ? 'name' ORDER BY md5(hash) LIMIT $1`,
      [n],
    );
    return rows.map((r) => r.name).filter(Boolean);
  } finally {
    await client.end();
  }
}

/**
 * Lists loaded is the signal, not overall readiness: a migration another engineer is adding to the working
 * tree would otherwise keep /readyz at 503 and stall the run.
 */
export async function listsLoaded(baseUrl: string): Promise<boolean> {
  try {
    const body = (await (await fetch(`${baseUrl}/readyz`)).json()) as {
      checks?: { name: string; ok: boolean }[];
    };
    return !!body.checks?.some((c) => c.name === 'lists' && c.ok);
  } catch {
    return false;
  }
}

export interface BenchService {
  baseUrl: string;
  pid: number;
  /** Current and peak resident set size of the service process (kernel VmRSS / VmHWM). */
  rss(): { rss: number; peak: number };
  stop(): Promise<void>;
}

/**
 * The service as its own `node --import tsx src/main.ts` process, so the load generator never shares its event
 * loop. Logs go to /dev/null at the default `info` level: the access log is part of the cost measured.
 */
export async function startBenchService(
  env: Record<string, string>,
  opts: {
    cpuProfDir?: string;
    /** The checkout to run (default: this one). */
    root?: string;
  } = {},
): Promise<BenchService> {
  const port = await freePort();
  const args = [
    '--import',
    'tsx',
    ...(opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : []),
    'src/main.ts',
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: opts.root ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      RUN_WORKERS: 'false',
      // The default per-key limit (2,000/s) would cap the max-throughput run; it is not what is measured.
      RATE_LIMIT_PER_SECOND: '1000000',
      QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      ...env,
    },
    // BENCH_SERVICE_LOG=<file> keeps the service's log (e.g. the phases of each list activation).
    stdio: [
      'ignore',
      process.env.BENCH_SERVICE_LOG ? openSync(process.env.BENCH_SERVICE_LOG, 'a') : 'ignore',
      'inherit',
    ],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited (${child.exitCode})`);
    const ok = await listsLoaded(baseUrl);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('service not ready within 300 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  const exited = new Promise((r) => child.once('exit', r));
  return {
    baseUrl,
    pid: child.pid!,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function cleanup(db: { close(): Promise<void> }, dataDir: string) {
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
}
