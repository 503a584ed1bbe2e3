import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { hitSources } from '../../src/contract/list-hits.ts';
import type { Finding } from '../../src/contract/screening-types.ts';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts';
import { createPool, type Pool } from '../../src/db/pool.ts';
import { startTestDatabase, type TestDatabase } from '../support/database.ts';

/**
 * Migration 0040 on a database deployed before it: each queue item's sources become the lists it has hits of,
 * exactly as the write path now files new items (hitSources), so a stale list's note files nothing under it.
 */
let db: TestDatabase;
let pool: Pool;

const entry = { id: 'E-1', name: 'LISTED TRADING LLC' };
const staleNote: Finding = {
  id: 'list_coverage:un-sc:stale',
  kind: 'list_coverage',
  severity: 'info',
  source: 'un-sc',
  reason: 'stale',
};
const cases: Record<string, Finding[]> = {
  sdnAndNote: [
    staleNote,
    { id: 'g', kind: 'goods_control', severity: 'block', source: 'chpl', entry, reason: 'r' },
    { id: 'p', kind: 'party_match', severity: 'review', source: 'us-ofac-sdn', entry, reason: 'r' },
    { id: 'p2', kind: 'party_match', severity: 'review', source: 'chpl', entry, reason: 'r' },
  ],
  onlyNote: [staleNote, { id: 'rf', kind: 'red_flag', severity: 'review', reason: 'r' }],
  suppressed: [
    staleNote,
    {
      id: 'p',
      kind: 'party_match',
      severity: 'review',
      source: 'uk-hmt',
      entry,
      reason: 'r',
      suppressed: { by: 'k', at: '2026-12-01T00:00:00Z', note: 'n' },
    },
    { id: 'c', kind: 'list_coverage', severity: 'review', source: 'us-746-supp-4', entry, reason: 'r' },
  ],
};
const ids: Record<string, string> = {};

before(async () => {
  db = await startTestDatabase();
  pool = createPool(db.url);
  const before0040 = await mkdtemp(join(tmpdir(), 'tradescreen-migrations-'));
  try {
    for (const f of await readdir(MIGRATIONS_DIR)) {
      if (f < '0040') await copyFile(join(MIGRATIONS_DIR, f), join(before0040, f));
    }
    await migrate(pool, before0040);
  } finally {
    await rm(before0040, { recursive: true, force: true });
  }
  let minute = 0;
  for (const [name, findings] of Object.entries(cases)) {
    const id = randomUUID();
    ids[name] = id;
    const at = new Date(Date.UTC(2026, 0, 1, 0, ++minute)).toISOString();
    // Filed as the write path did before 0040: every source a finding names.
    const every = [...new Set(findings.flatMap((f) => (f.source ? [f.source] : [])))];
    await pool.query(
      `INSERT INTO screenings (id, tenant_id, api_key_id, reference, decision, screened_at, policy_version, request,
         result, party_names, sources, entry_ids, request_hash, audit_seq)
       VALUES ($1, 'default', 'k', $2, 'review', $3, 1, '{}', $4, $2, $5, '{}', 'h', $6)`,
      [id, name, at, JSON.stringify({ findings }), every, minute],
    );
    await pool.query(
      `INSERT INTO review_queue (screening_id, tenant_id, screened_at, reference, decision, severity, sources,
         party_names, review_status)
       VALUES ($1, 'default', $2, $3, 'review', 1, $4, $3, 'open')`,
      [id, at, name, every],
    );
  }
  await migrate(pool);
});
after(async () => {
  await pool?.end();
  await db?.close();
});

test('queue items keep only the lists they have hits of, as the write path files them', async () => {
  const { rows } = await pool.query(`SELECT screening_id, sources FROM review_queue`);
  const got = new Map(rows.map((r) => [r.screening_id as string, r.sources as string[]]));
  for (const [name, findings] of Object.entries(cases))
    assert.deepEqual(got.get(ids[name]!), hitSources(findings), name);
  assert.deepEqual(got.get(ids.sdnAndNote!), ['chpl', 'us-ofac-sdn']);
  assert.deepEqual(got.get(ids.onlyNote!), []);
});
