import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../support/database.ts';
import { startService } from '../support/service-process.ts';
import { newAdminSecret } from '../support/test-app.ts';

// The embedded default: no DATABASE_URL, no REDIS_URL. Start, migrate, create a key, use it, restart, and
// find the key still there — the same code path a new user gets from `npm start`.
let dataDir = '';
after(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('embedded mode: start, migrate, create a key, restart, data still there; SIGTERM exits cleanly', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tradescreen-embedded-'));
  const admin = newAdminSecret();
  const env = {
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    TRADESCREEN_ADMIN_KEY: admin,
    LOG_LEVEL: 'info',
  };
  const port = await freePort();
  const first = await startService(env, port);
  assert.match(first.output(), /embedded PostgreSQL/);
  assert.match(first.output(), /BullMQ on PostgreSQL/);
  const ready = await (await fetch(`${first.baseUrl}/readyz`)).json();
  assert.equal(ready.checks.find((c: { name: string }) => c.name === 'migrations').ok, true);

  const created = await fetch(`${first.baseUrl}/keys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'survives restart', scopes: ['keys:admin'] }),
  });
  assert.equal(created.status, 201);
  const key = (await created.json()).key as string;
  assert.equal(await first.stop(), 0, first.output());

  const second = await startService(env, port);
  try {
    const listed = await fetch(`${second.baseUrl}/keys`, { headers: { Authorization: `Bearer ${key}` } });
    assert.equal(listed.status, 200);
    const names = (await listed.json()).items.map((k: { name: string }) => k.name);
    assert.ok(names.includes('survives restart'));
  } finally {
    assert.equal(await second.stop(), 0, second.output());
  }
});

test('a bad configuration lists every problem and exits non-zero', async () => {
  const { spawnSync } = await import('node:child_process');
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(import.meta.dirname, '../..'),
    env: {
      PATH: process.env.PATH,
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      METRICS_TOKEN: 'too short',
    },
    encoding: 'utf8',
  });
  assert.equal(res.status, 2);
  assert.match(res.stderr, /PORT must be an integer/);
  assert.match(res.stderr, /LOG_LEVEL must be one of/);
  assert.match(res.stderr, /DATABASE_URL must use postgres/);
  assert.match(res.stderr, /METRICS_TOKEN must be/);
});
