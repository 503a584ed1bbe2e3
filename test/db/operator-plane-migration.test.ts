import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { hashSecret, keyPrefix } from '../../src/auth/key-secret.ts';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts';
import { createPool } from '../../src/db/pool.ts';
import { assertContract } from '../support/contract.ts';
import { startTestDatabase, type TestDatabase } from '../support/database.ts';
import { bearer, newAdminSecret, startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Migration 0030 on a database deployed before it: the keys, versions and attempts as the old code left them,
 * then the new code started on it. Existing tenant keys must lose the shared sources and keep their watchlists;
 * the bootstrap key must become the operator; a version activated over its quarantine gets its record back.
 */
const OLD_SCOPES = ['screen', 'audit:read', 'review', 'lists:admin', 'keys:admin'];
const QUARANTINE = 'entry count fell from 10 to 5 (50%, limit 10%)';
const bootstrapSecret = newAdminSecret();
const tenantSecret = newAdminSecret();
let db: TestDatabase;
let t: TestApp;
let listsDir: string;

before(async () => {
  db = await startTestDatabase();
  const before0030 = await mkdtemp(join(tmpdir(), 'tradescreen-migrations-'));
  listsDir = await mkdtemp(join(tmpdir(), 'tradescreen-sdn-'));
  const pool = createPool(db.url);
  try {
    for (const f of await readdir(MIGRATIONS_DIR)) {
      if (f < '0030') await copyFile(join(MIGRATIONS_DIR, f), join(before0030, f));
    }
    await migrate(pool, before0030);
    const key = (id: string, tenant: string, secret: string) =>
      pool.query(
        `INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes) VALUES ($1, $2, $1, $3, $4, $5)`,
        [id, tenant, keyPrefix(secret), hashSecret(secret), OLD_SCOPES],
      );
    await key('key_bootstrap_admin', 'default', bootstrapSecret);
    await pool.query(`INSERT INTO tenants (id, name) VALUES ('old-bank', 'Old Bank')`);
    await key('key_old_bank_first', 'old-bank', tenantSecret);
    // What the old activation left: a version approved out of quarantine, its reason erased.
    await pool.query(
      `INSERT INTO list_versions (source_id, version, status, content_hash, fetched_at, activated_at, counts)
       VALUES ('us-ofac-sdn', 1, 'active', 'h1', now(), now(),
               '{"total":0,"byKind":{},"recordsSeen":0,"recordsSkipped":0}')`,
    );
    await pool.query(
      `INSERT INTO list_attempts (source_id, started_at, finished_at, outcome, detail, version)
       VALUES ('us-ofac-sdn', now(), now(), 'quarantined', $1, 1)`,
      [QUARANTINE],
    );
  } finally {
    await pool.end();
    await rm(before0030, { recursive: true, force: true });
  }
  // The new code on that database, without TRADESCREEN_ADMIN_KEY: only the migration can have changed the keys.
  t = await startTestApp({
    DATABASE_URL: db.url,
    TRADESCREEN_ADMIN_KEY: '',
    LISTS_ENABLED: 'us-ofac-sdn',
    LIST_SOURCE_US_OFAC_SDN: listsDir,
  });
});
after(async () => {
  await t?.close();
  await db?.close();
  if (listsDir) await rm(listsDir, { recursive: true, force: true });
});

const scopesOf = async (secret: string) => {
  const res = await t.http().get('/whoami').set(bearer(secret));
  assert.equal(res.status, 200, res.text);
  return res.body.scopes as string[];
};

test('an existing tenant key keeps its scopes and its watchlists, and loses the shared sources', async () => {
  // 0032 adds licences:admin to a tenant's full administrator keys (test/db/licences-migration.test.ts).
  assert.deepEqual(await scopesOf(tenantSecret), [...OLD_SCOPES, 'licences:admin']);
  const refresh = await t.http().post('/lists/us-ofac-sdn/refresh').set(bearer(tenantSecret));
  assertContract(refresh, 'refreshSource');
  assert.equal(refresh.status, 403, refresh.text);
  assert.match(refresh.body.detail, /lacks the "operator" scope/);
  const watchlist = await t.http().post('/watchlists').set(bearer(tenantSecret)).send({ name: 'Still mine' });
  assert.equal(watchlist.status, 201, watchlist.text);
});

test('the bootstrap key becomes the operator, and its refresh request opens the operator chain', async () => {
  assert.deepEqual(await scopesOf(bootstrapSecret), [...OLD_SCOPES, 'operator', 'licences:admin']);
  const refresh = await t.http().post('/lists/us-ofac-sdn/refresh').set(bearer(bootstrapSecret));
  assert.equal(refresh.status, 202, refresh.text);
  const chain = await t.http().get('/operator/audit').set(bearer(bootstrapSecret));
  assert.deepEqual(
    chain.body.items.map((e: { seq: number; actor: string; type: string }) => [e.seq, e.actor, e.type]),
    [[1, 'key_bootstrap_admin', 'list.refresh_requested']],
  );
});

test('a version activated out of quarantine before the migration shows its quarantine record again', async () => {
  const res = await t.http().get('/lists/us-ofac-sdn/versions').set(bearer(tenantSecret));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'listSourceVersions');
  assert.deepEqual(
    res.body.items.map((v: { version: number; status: string; quarantineReason: string | null }) => [
      v.version,
      v.status,
      v.quarantineReason,
    ]),
    [[1, 'active', QUARANTINE]],
  );
});
