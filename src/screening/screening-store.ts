import type { Fragment } from '../db/fragments.ts';
import type { PoolClient, Queryable } from '../db/pool.ts';
import type { ScreeningResult, ScreenRequest } from './types.ts';

export interface ScreeningRow {
  id: string;
  tenantId: string;
  apiKeyId: string;
  reference: string | null;
  decision: string;
  screenedAt: string;
  policyVersion: number;
  request: ScreenRequest;
  result: ScreeningResult;
  partyNames: string;
  sources: string[];
  entryIds: string[];
  idempotencyKey: string | null;
  /** Canonical JSON of `request` and `result` (see canonicalJson), and their SHA-256. */
  requestJson: string;
  requestHash: string;
  resultJson: string;
  resultHash: string;
  auditSeq: number;
}

export interface StoredScreening {
  id: string;
  apiKeyId: string;
  request: ScreenRequest;
  result: ScreeningResult;
  requestHash: string;
}

const toStored = (r: Record<string, unknown>): StoredScreening => ({
  id: r.id as string,
  apiKeyId: r.api_key_id as string,
  request: r.request as ScreenRequest,
  result: r.result as ScreeningResult,
  requestHash: r.request_hash as string,
});

/**
 * The screening rows, as a fragment of the statement that stores them with their audit events. One VALUES row
 * per screening with plain parameters: the JSON texts go over as they are, where array parameters would be
 * escaped character by character into array literals.
 */
export function screeningsFragment(rows: readonly ScreeningRow[]): Fragment {
  const values: unknown[] = [];
  const tuples = rows.map((r) => {
    const n = values.push(
      r.id,
      r.tenantId,
      r.apiKeyId,
      r.reference,
      r.decision,
      r.screenedAt,
      r.policyVersion,
      r.requestJson,
      r.resultJson,
      r.partyNames,
      r.sources,
      r.entryIds,
      r.idempotencyKey,
      r.requestHash,
      r.auditSeq,
    );
    const p = (i: number) => `$${n - 15 + i}`;
    return `(${p(1)}::uuid, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::timestamptz, ${p(7)}::int, ${p(8)}::jsonb, ${p(9)}::jsonb, ${p(10)}, ${p(11)}::text[], ${p(12)}::text[], ${p(13)}, ${p(14)}, ${p(15)}::bigint)`;
  });
  return {
    name: 'screenings_new',
    sql: `INSERT INTO screenings (id, tenant_id, api_key_id, reference, decision, screened_at, policy_version,
            request, result, party_names, sources, entry_ids, idempotency_key, request_hash, audit_seq)
          VALUES ${tuples.join(', ')}`,
    params: values,
  };
}

export function createScreeningStore(db: Queryable) {
  return {
    async get(tenantId: string, id: string): Promise<StoredScreening | undefined> {
      const { rows } = await db.query(
        `SELECT id, api_key_id, request, result, request_hash FROM screenings WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      return rows[0] ? toStored(rows[0]) : undefined;
    },

    async byIdempotencyKey(tenantId: string, key: string): Promise<StoredScreening | undefined> {
      const { rows } = await db.query(
        `SELECT id, api_key_id, request, result, request_hash FROM screenings
         WHERE tenant_id = $1 AND idempotency_key = $2`,
        [tenantId, key],
      );
      return rows[0] ? toStored(rows[0]) : undefined;
    },

    /** Same-key retries queue behind each other until COMMIT, so exactly one of them screens. */
    async lockIdempotencyKey(client: PoolClient, tenantId: string, key: string): Promise<void> {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [tenantId, key]);
    },
  };
}

export type ScreeningStore = ReturnType<typeof createScreeningStore>;
