import type { ScreeningResult, ScreenRequest } from '../contract/screening-types.ts';
import { type Fragment, jsonRows } from '../db/fragments.ts';
import type { PoolClient, Queryable } from '../db/pool.ts';

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
 * The screening rows, as a fragment of the statement that stores them with their audit events. The rows go as
 * one JSON document assembled around each request's and result's canonical text: one parameter and the same
 * statement text for any number of rows (so it is prepared once per connection), with no array-literal
 * escaping of the JSON on the way. As json, not jsonb: the request and result columns keep the very text
 * that was hashed and sent (migration 0022).
 */
export function screeningsFragment(rows: readonly ScreeningRow[]): Fragment {
  const s = JSON.stringify;
  const doc = rows.map(
    (r) =>
      `{"id":${s(r.id)},"tenant_id":${s(r.tenantId)},"api_key_id":${s(r.apiKeyId)},"reference":${s(r.reference)},` +
      `"decision":${s(r.decision)},"screened_at":${s(r.screenedAt)},"policy_version":${s(r.policyVersion)},` +
      `"request":${r.requestJson},"result":${r.resultJson},"party_names":${s(r.partyNames)},` +
      `"sources":${s(r.sources)},"entry_ids":${s(r.entryIds)},"idempotency_key":${s(r.idempotencyKey)},` +
      `"request_hash":${s(r.requestHash)},"audit_seq":${s(r.auditSeq)}}`,
  );
  return {
    name: 'screenings_new',
    sql: `INSERT INTO screenings (id, tenant_id, api_key_id, reference, decision, screened_at, policy_version,
            request, result, party_names, sources, entry_ids, idempotency_key, request_hash, audit_seq)
          SELECT id, tenant_id, api_key_id, reference, decision, screened_at, policy_version, request, result,
            party_names, sources, entry_ids, idempotency_key, request_hash, audit_seq
          FROM json_to_recordset($1::json) AS t (id uuid, tenant_id text, api_key_id text, reference text,
            decision text, screened_at timestamptz, policy_version int, request json, result json,
            party_names text, sources text[], entry_ids text[], idempotency_key text, request_hash text,
            audit_seq bigint)`,
    params: [jsonRows(doc)],
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
