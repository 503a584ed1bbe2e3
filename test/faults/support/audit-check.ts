import assert from 'node:assert/strict';
import pg from 'pg';
import type { Response } from 'supertest';
import { readAuditChain } from '../../../src/audit/audit-store.ts';
import { chainHash, GENESIS_HASH } from '../../../src/audit/chain-hash.ts';
import { assertContract } from '../../support/contract.ts';

/** Which of `ids` have no screening row or no audit event (both must exist for every answer sent). */
export async function missingFromAudit(databaseUrl: string, ids: string[]) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const audited = new Set(
      (
        await pool.query<{ id: string }>(
          `SELECT payload->>'screeningId' AS id FROM audit_events WHERE type = 'screening'`,
        )
      ).rows.map((r) => r.id),
    );
    const stored = new Set(
      (await pool.query<{ id: string }>('SELECT id::text AS id FROM screenings')).rows.map((r) => r.id),
    );
    return {
      auditRows: audited.size,
      screeningRows: stored.size,
      notAudited: ids.filter((id) => !audited.has(id)),
      notStored: ids.filter((id) => !stored.has(id)),
    };
  } finally {
    await pool.end();
  }
}

/** Recomputes every link of the tenant's chain from the stored rows: the same walk GET /audit/verify does. */
export async function verifyChainDirectly(databaseUrl: string, tenantId = 'default') {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    let prev = GENESIS_HASH;
    let seq = 0;
    let rows = 0;
    for (;;) {
      const page = await readAuditChain(pool, tenantId, seq, 1000);
      if (page.length === 0) break;
      for (const e of page) {
        assert.equal(e.seq, seq + 1, `gap in the chain after seq ${seq}`);
        assert.equal(e.prevHash, prev, `seq ${e.seq} does not link to its predecessor`);
        assert.equal(e.hash, chainHash(prev, e), `seq ${e.seq} hash does not recompute`);
        prev = e.hash;
        seq = e.seq;
        rows++;
      }
    }
    return { ok: true, rowsChecked: rows };
  } finally {
    await pool.end();
  }
}

/**
 * GET /audit/verify when the service serves it (another module adds it); null while it is still planned
 * (404), in which case the caller relies on verifyChainDirectly alone.
 */
export async function verifyChainViaApi(baseUrl: string, key: string) {
  const res = await fetch(`${baseUrl}/audit/verify`, { headers: { Authorization: `Bearer ${key}` } });
  const text = await res.text();
  if (res.status === 404) return null;
  const contentType = res.headers.get('content-type') ?? '';
  const body = contentType.includes('json') ? JSON.parse(text) : {};
  assertContract(
    { status: res.status, headers: { 'content-type': contentType }, text, body } as unknown as Response,
    'verifyAuditChain',
  );
  assert.equal(res.status, 200, text);
  return body as { ok: boolean; rowsChecked: number };
}
