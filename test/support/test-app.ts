import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import supertest from 'supertest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type Container, createContainer } from '../../src/container.ts';
import { createLogger } from '../../src/logger.ts';
import { startTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  container: Container;
  app: Express;
  db: TestDatabase;
  /** A key with every scope for tenant `default`. */
  adminKey: string;
  http(): supertest.Agent;
  close(): Promise<void>;
}

export function newAdminSecret(): string {
  return `ts_live_${randomBytes(24)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')}`;
}

/** The real app on a real database (and Redis when REDIS_URL is set), driven in-process by supertest. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await startTestDatabase();
  const adminKey = newAdminSecret();
  const config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? '',
    TRADESCREEN_ADMIN_KEY: adminKey,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RUN_WORKERS: 'false',
    // Test files may share one Redis: each app gets its own queues.
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    ...env,
  });
  const container = await createContainer(config, createLogger(config.logLevel));
  const app = createApp(container);
  return {
    container,
    app,
    db,
    adminKey,
    http: () => supertest.agent(app),
    async close() {
      await container.close();
      await db.close();
    },
  };
}

export function bearer(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
}
