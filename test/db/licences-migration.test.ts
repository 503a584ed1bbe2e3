import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts';
import { createPool, type Pool } from '../../src/db/pool.ts';
import { startTestDatabase, type TestDatabase } from '../support/database.ts';

/**
 * Migration 0032 on a database deployed before it: a tenant's full administrator keys gain `licences:admin` (no
 * tenant is locked out of its licences, since POST /keys grants only scopes the caller holds); narrower keys and
 * revoked keys do not gain a power to lower findings they never had.
 */
const FULL = ['screen', 'audit:read', 'review', 'lists:admin', 'keys:admin'];
let db: TestDatabase;
let pool: Pool;

before(async () => {
  db = await startTestDatabase();
  pool = createPool(db.url);
  const before0032 = await mkdtemp(join(tmpdir(), 'tradescreen-migrations-'));
  try {
    for (const f of await readdir(MIGRATIONS_DIR)) {
      if (f < '0032') await copyFile(join(MIGRATIONS_DIR, f), join(before0032, f));
    }
    await migrate(pool, before0032);
  } finally {
    await rm(before0032, { recursive: true, force: true });
  }
  const key = (id: string, scopes: string[], revoked = false) =>
    pool.query(
      `INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes, revoked_at)
       VALUES ($1, 'default', $1, 'ts_live_x', $2, $3, $4)`,
      [id, Buffer.from(id), scopes, revoked ? new Date() : null],
    );
  await key('k_full', FULL);
  await key('k_operator', [...FULL, 'operator']);
  await key('k_narrow', ['screen', 'keys:admin']);
  await key('k_revoked', FULL, true);
  await migrate(pool);
});
after(async () => {
  await pool?.end();
  await db?.close();
});

test('full tenant administrator keys gain licences:admin; narrower and revoked keys do not', async () => {
  const { rows } = await pool.query(`SELECT id, scopes FROM api_keys WHERE id LIKE 'k\\_%' ORDER BY id`);
  assert.deepEqual(
    rows.map((r) => [r.id, r.scopes]),
    [
      ['k_full', [...FULL, 'licences:admin']],
      ['k_narrow', ['screen', 'keys:admin']],
      ['k_operator', [...FULL, 'operator', 'licences:admin']],
      ['k_revoked', FULL],
    ],
  );
});

test('the licences table keeps its rows: no delete, no edit, revocation once', async () => {
  await pool.query(
    `INSERT INTO licences (id, tenant_id, number, authority, regime, goods, destination, consignee, valid_from,
       valid_to, created_at)
     VALUES ('l1', 'default', 'N-1', 'BAFA', 'EU', '[{"controlNumber":"5A002"}]', 'CN', 'C Ltd', '2026-01-01',
       '2026-12-31', now())`,
  );
  await assert.rejects(pool.query(`DELETE FROM licences WHERE id = 'l1'`), /append-only/);
  // Refused by the trigger, or first by the drawdowns (0033) that reference the licences.
  await assert.rejects(pool.query(`TRUNCATE licences`), /append-only|audit|foreign key/);
  await assert.rejects(
    pool.query(`UPDATE licences SET valid_to = '2030-01-01' WHERE id = 'l1'`),
    /append-only/,
  );
  // A revocation that also edits another column is refused whole.
  await assert.rejects(
    pool.query(
      `UPDATE licences SET revoked_at = now(), revocation_reason = 'r', destination = 'RU' WHERE id = 'l1'`,
    ),
    /append-only/,
  );
  await pool.query(
    `UPDATE licences SET revoked_at = now(), revocation_reason = 'r', revoked_by = 'k' WHERE id = 'l1'`,
  );
  await assert.rejects(
    pool.query(`UPDATE licences SET revocation_reason = 'other' WHERE id = 'l1'`),
    /append-only/,
  );
  // A limit with no currency, or a licence naming no party, cannot be stored.
  await assert.rejects(
    pool.query(
      `INSERT INTO licences (id, tenant_id, number, authority, regime, goods, destination, valid_from, valid_to,
         created_at)
       VALUES ('l2', 'default', 'N-2', 'BAFA', 'EU', '[{"code":"8517"}]', 'CN', '2026-01-01', '2026-12-31', now())`,
    ),
    /check constraint/,
  );
});
