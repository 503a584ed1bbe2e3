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
  requestHash: string;
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

export function createScreeningStore(db: Queryable) {
  return {
    async insertMany(client: PoolClient, rows: ScreeningRow[]): Promise<void> {
      if (rows.length === 0) return;
      const col = <K extends keyof ScreeningRow>(k: K) => rows.map((r) => r[k]);
      await client.query(
        `INSERT INTO screenings (id, tenant_id, api_key_id, reference, decision, screened_at, policy_version, request,
           result, party_names, sources, entry_ids, idempotency_key, request_hash, audit_seq)
         SELECT t.id, t.tenant_id, t.api_key_id, t.reference, t.decision, t.screened_at, t.policy_version, t.request,
           t.result, t.party_names, string_to_array(t.sources, E'\\x1f'), string_to_array(t.entry_ids, E'\\x1f'),
           t.idempotency_key, t.request_hash, t.audit_seq
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[],
           $8::jsonb[], $9::jsonb[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[])
           AS t(id, tenant_id, api_key_id, reference, decision, screened_at, policy_version, request, result,
                party_names, sources, entry_ids, idempotency_key, request_hash, audit_seq)`,
        [
          col('id'),
          col('tenantId'),
          col('apiKeyId'),
          col('reference'),
          col('decision'),
          col('screenedAt'),
          col('policyVersion'),
          rows.map((r) => JSON.stringify(r.request)),
          rows.map((r) => JSON.stringify(r.result)),
          col('partyNames'),
          // arrays of arrays cannot go through unnest; a unit separator cannot occur in ids or source names
          rows.map((r) => r.sources.join('\u001f')),
          rows.map((r) => r.entryIds.join('\u001f')),
          col('idempotencyKey'),
          col('requestHash'),
          col('auditSeq'),
        ],
      );
    },

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
