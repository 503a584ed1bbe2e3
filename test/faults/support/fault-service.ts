import { randomBytes } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_LIST_IDS } from '../../../src/goods/index.ts';
import { freePort } from '../../support/database.ts';
import { FIXTURE_SDN_ROWS } from '../../support/screening-app.ts';
import { type ServiceProcess, startService } from '../../support/service-process.ts';
import { newAdminSecret } from '../../support/test-app.ts';
import { waitFor } from './wait-for.ts';

/** One invented SDN row in OFAC's legacy CSV layout. */
export const sdnRow = (id: number, name: string, type = '-0- ') =>
  `${id},"${name}",${type},"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `;

export async function writeSdn(dir: string, rows: string[]): Promise<void> {
  // Written beside and renamed over, so the refresh never reads a file we are still writing.
  const tmp = join(dir, `.sdn-${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(tmp, `${rows.join('\r\n')}\r\n\u001a`);
  await rename(tmp, join(dir, 'sdn.csv'));
}

/**
 * The service as one plain `node` process on a database the test owns, with a small invented SDN file and
 * the shipped control lists, refreshed by its own in-process workers. Restartable on the same port.
 */
export interface FaultService {
  baseUrl: string;
  adminKey: string;
  sdnDir: string;
  /** DATA_DIR: the embedded PostgreSQL's home when no databaseUrl was given. */
  dataDir: string;
  /** The child's environment (without PORT and HOST), for other processes on the same setup. */
  env: Record<string, string>;
  current(): ServiceProcess;
  start(): Promise<void>;
  kill(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultService(opts: {
  /** Omitted: no DATABASE_URL in the child's environment, so it runs the embedded PostgreSQL in DATA_DIR. */
  databaseUrl?: string;
  redisUrl?: string;
  rows?: string[];
  env?: Record<string, string>;
}): Promise<FaultService> {
  const sdnDir = await mkdtemp(join(tmpdir(), 'tradescreen-fault-sdn-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'tradescreen-fault-data-'));
  await writeSdn(sdnDir, opts.rows ?? FIXTURE_SDN_ROWS);
  const port = await freePort();
  const adminKey = newAdminSecret();
  const env: Record<string, string> = {
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    TRADESCREEN_ADMIN_KEY: adminKey,
    LISTS_ENABLED: ['us-ofac-sdn', ...SHIPPED_LIST_IDS].join(','),
    LIST_SOURCE_US_OFAC_SDN: sdnDir,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    RUN_WORKERS: 'true',
    RATE_LIMIT_PER_SECOND: '100000',
    QUEUE_PREFIX: `fault-${randomBytes(4).toString('hex')}`,
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...opts.env,
  };
  let service: ServiceProcess | undefined;
  const baseUrl = `http://127.0.0.1:${port}`;
  const start = async () => {
    service = await startService(env, port, 60_000);
    // Ready = every enabled source has an active version in this process's snapshot (the lists check alone:
    // a migration being added to the working tree must not stall the test).
    await waitFor('service ready (lists loaded)', 60_000, async () => {
      try {
        const r = await fetch(`${baseUrl}/readyz`);
        const body = (await r.json()) as { checks?: { name: string; ok: boolean }[] };
        return !!body.checks?.some((c) => c.name === 'lists' && c.ok);
      } catch {
        return false;
      }
    });
  };
  await start();
  return {
    baseUrl,
    adminKey,
    sdnDir,
    dataDir,
    env,
    current: () => service!,
    start,
    async kill() {
      await service?.stop('SIGKILL');
    },
    async close() {
      // An embedded PostgreSQL outlives a SIGKILL-ed service: stop it gracefully so it stops its database too.
      await service?.stop(opts.databaseUrl ? 'SIGKILL' : 'SIGTERM');
      await rm(sdnDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
