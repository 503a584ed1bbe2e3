import type { Queryable } from '../db/pool.ts';

/** A stored screening as verify reads it: request and result as their stored text, to hash without reparsing. */
export interface StoredScreeningRow {
  id: string;
  apiKeyId: string;
  reference: string | null;
  decision: string;
  screenedAt: string;
  policyVersion: number;
  requestText: string;
  resultText: string;
  partyNames: string;
  sources: string[];
  entryIds: string[];
  requestHash: string;
  auditSeq: number;
}

/** The screenings the events of one page vouch for. */
export async function screeningRows(
  db: Queryable,
  tenantId: string,
  ids: string[],
): Promise<Map<string, StoredScreeningRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query(
    `SELECT id, api_key_id, reference, decision, screened_at, policy_version, request::text AS request_text,
       result::text AS result_text, party_names, sources, entry_ids, request_hash, audit_seq
     FROM screenings WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id,
        apiKeyId: r.api_key_id,
        reference: r.reference,
        decision: r.decision,
        screenedAt: r.screened_at,
        policyVersion: r.policy_version,
        requestText: r.request_text,
        resultText: r.result_text,
        partyNames: r.party_names,
        sources: r.sources,
        entryIds: r.entry_ids,
        requestHash: r.request_hash,
        auditSeq: r.audit_seq,
      },
    ]),
  );
}

/** How many screenings the tenant has: more than the events vouched for means some were slipped in. */
export async function countScreenings(db: Queryable, tenantId: string): Promise<number> {
  const { rows } = await db.query('SELECT count(*)::int AS n FROM screenings WHERE tenant_id = $1', [
    tenantId,
  ]);
  return rows[0].n;
}

/** Screenings whose audit_seq names no screening event of theirs: run only when the count says some exist. */
export async function unvouchedScreenings(db: Queryable, tenantId: string, limit: number): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT s.id FROM screenings s
     LEFT JOIN audit_events e ON e.tenant_id = s.tenant_id AND e.seq = s.audit_seq AND e.type = 'screening'
       AND e.payload->>'screeningId' = s.id::text
     WHERE s.tenant_id = $1 AND e.id IS NULL ORDER BY s.id LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((r) => r.id as string);
}

/** Where the chain's head says it ends: a deleted tail leaves every remaining link intact but short of it. */
export async function chainHead(
  db: Queryable,
  tenantId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  const { rows } = await db.query('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1', [tenantId]);
  return rows[0] ? { seq: rows[0].seq, hash: rows[0].hash } : undefined;
}
