import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts';
import { createPool, type Pool } from '../../src/db/pool.ts';
import { startTestDatabase, type TestDatabase } from '../support/database.ts';

/**
 * Migration 0037 on a database deployed before it: the triage queue starts with every screening still waiting,
 * each reference's older screenings superseded by its next one, whatever that one decided.
 */
let db: TestDatabase;
let pool: Pool;
const id: Record<string, string> = {};

async function screening(
  name: string,
  reference: string | null,
  decision: string,
  minute: number,
  status?: string,
) {
  id[name] = randomUUID();
  const at = new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
  await pool.query(
    `INSERT INTO screenings (id, tenant_id, api_key_id, reference, decision, screened_at, policy_version, request,
       result, party_names, sources, entry_ids, request_hash, audit_seq)
     VALUES ($1, 'default', 'k', $2, $3, $4, 1, '{}', '{}', $5, '{us-ofac-sdn}', '{}', 'h', $6)`,
    [id[name], reference, decision, at, `${name} GmbH`, minute],
  );
  if (status)
    await pool.query(
      `INSERT INTO screening_review_state (screening_id, tenant_id, screened_at, status, updated_at)
       VALUES ($1, 'default', $2, $3, now())`,
      [id[name], at, status],
    );
}

before(async () => {
  db = await startTestDatabase();
  pool = createPool(db.url);
  const before0037 = await mkdtemp(join(tmpdir(), 'tradescreen-migrations-'));
  try {
    for (const f of await readdir(MIGRATIONS_DIR)) {
      if (f < '0037') await copyFile(join(MIGRATIONS_DIR, f), join(before0037, f));
    }
    await migrate(pool, before0037);
  } finally {
    await rm(before0037, { recursive: true, force: true });
  }
  await screening('first', 'PO-1', 'review', 1, 'open');
  await screening('second', 'PO-1', 'block', 2, 'in_review');
  await screening('held', 'PO-2', 'review', 3, 'open');
  await screening('cleared', 'PO-2', 'clear', 4, 'resolved');
  await screening('noRef', null, 'review', 5, 'in_review');
  await screening('done', 'PO-3', 'block', 6, 'resolved');
  // Stored before 0005 filled the projection: no state row, so still open.
  await screening('stateless', 'PO-4', 'review', 7);
  await migrate(pool);
});
after(async () => {
  await pool?.end();
  await db?.close();
});

test('the queue is backfilled with the screenings still waiting, superseded ones closed and linked', async () => {
  const { rows } = await pool.query(
    `SELECT screening_id, review_status, severity, supersedes, superseded_by, closed_at IS NOT NULL AS closed
     FROM review_queue ORDER BY screened_at`,
  );
  const name = (v: string | null) => (v === null ? null : Object.keys(id).find((k) => id[k] === v));
  assert.deepEqual(
    rows.map((r) => [
      name(r.screening_id),
      r.review_status,
      r.severity,
      name(r.supersedes),
      name(r.superseded_by),
      r.closed,
    ]),
    [
      ['first', 'open', 1, null, 'second', true],
      ['second', 'in_review', 2, 'first', null, false],
      ['held', 'open', 1, null, 'cleared', true],
      ['noRef', 'in_review', 1, null, null, false],
      ['stateless', 'open', 1, null, null, false],
    ],
  );
});
