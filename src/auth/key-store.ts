import type { Queryable } from '../db/pool.ts';
import type { Person } from '../principal/person.ts';
import type { Scope } from '../principal/scopes.ts';

export interface ApiKeyRow {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  rateLimitPerSecond: number | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  person: Person | null;
}

const COLUMNS = `id, tenant_id, name, prefix, scopes, rate_limit_per_second, created_at, revoked_at, last_used_at,
  person_name, person_email`;

function toRow(r: Record<string, unknown>): ApiKeyRow {
  return {
    id: r.id as string,
    tenantId: r.tenant_id as string,
    name: r.name as string,
    prefix: r.prefix as string,
    scopes: r.scopes as Scope[],
    rateLimitPerSecond: (r.rate_limit_per_second as number | null) ?? null,
    createdAt: r.created_at as string,
    revokedAt: (r.revoked_at as string | null) ?? null,
    lastUsedAt: (r.last_used_at as string | null) ?? null,
    person: r.person_name ? { name: r.person_name as string, email: r.person_email as string } : null,
  };
}

export interface NewKey {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  secretHash: Buffer;
  scopes: Scope[];
  rateLimitPerSecond?: number | undefined;
  createdBy?: string | undefined;
  person?: Person | undefined;
}

export function createKeyStore(pool: Queryable) {
  return {
    async insert(k: NewKey): Promise<ApiKeyRow> {
      const { rows } = await pool.query(
        `INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes, rate_limit_per_second, created_by,
           person_name, person_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
        [
          k.id,
          k.tenantId,
          k.name,
          k.prefix,
          k.secretHash,
          k.scopes,
          k.rateLimitPerSecond ?? null,
          k.createdBy ?? null,
          k.person?.name ?? null,
          k.person?.email ?? null,
        ],
      );
      return toRow(rows[0]);
    },

    /**
     * Idempotent, and a rotation when the operator sets another value: the bootstrap key keeps its id, takes the
     * new secret (the old one stops working) and is un-revoked.
     */
    async upsertBootstrap(k: NewKey): Promise<void> {
      await pool.query(
        `INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, prefix = EXCLUDED.prefix,
           scopes = EXCLUDED.scopes, revoked_at = NULL`,
        [k.id, k.tenantId, k.name, k.prefix, k.secretHash, k.scopes],
      );
    },

    async findActiveByHash(hash: Buffer): Promise<ApiKeyRow | undefined> {
      const { rows } = await pool.query(
        `SELECT ${COLUMNS} FROM api_keys WHERE secret_hash = $1 AND revoked_at IS NULL`,
        [hash],
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async listForTenant(tenantId: string): Promise<ApiKeyRow[]> {
      const { rows } = await pool.query(
        `SELECT ${COLUMNS} FROM api_keys WHERE tenant_id = $1 ORDER BY created_at DESC, id`,
        [tenantId],
      );
      return rows.map(toRow);
    },

    async findForTenant(tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
      const { rows } = await pool.query(`SELECT ${COLUMNS} FROM api_keys WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        id,
      ]);
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async revoke(tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
      const { rows } = await pool.query(
        `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
         WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [tenantId, id],
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async touch(ids: string[]): Promise<void> {
      if (ids.length === 0) return;
      await pool.query('UPDATE api_keys SET last_used_at = now() WHERE id = ANY($1)', [ids]);
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
