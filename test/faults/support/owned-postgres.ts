import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../../src/db/embedded-postgres.ts';
import { createLogger } from '../../../src/logger.ts';
import { freePort } from '../../support/database.ts';

/**
 * A PostgreSQL that one fault test owns outright (its own data directory and port), so the test may stop and
 * restart it, or kill what talks to it, without touching the shared CI server.
 */
export interface OwnedPostgres {
  url: string;
  stop(): Promise<void>;
  /** Starts the same cluster again, same directory and port: committed data survives. */
  start(): Promise<void>;
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export async function startOwnedPostgres(): Promise<OwnedPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'tradescreen-fault-pg-'));
  const port = await freePort();
  const log = createLogger('silent');
  let server: EmbeddedPostgres | undefined = await startEmbeddedPostgres(dir, port, log);
  const url = server.url;
  return {
    url,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = await startEmbeddedPostgres(dir, port, log);
    },
    async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query<R>(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    async close() {
      await server?.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
