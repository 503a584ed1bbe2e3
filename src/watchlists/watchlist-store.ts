import type { PoolClient, Queryable } from '../db/pool.ts';
import { LIST_ACTIVATED_CHANNEL } from '../lists/refresh/activate-version.ts';

export interface WatchlistRow {
  id: string;
  tenantId: string;
  name: string;
  description: string | null;
  entries: number;
  createdAt: string;
}

export interface TenantListVersion {
  watchlistId: string;
  name: string;
  sourceId: string;
  version: number;
}

const toRow = (r: Record<string, unknown>): WatchlistRow => ({
  id: r.id as string,
  tenantId: r.tenant_id as string,
  name: r.name as string,
  description: (r.description as string | null) ?? null,
  entries: Number(r.entries ?? 0),
  createdAt: r.created_at as string,
});

const SELECT = `SELECT w.id, w.tenant_id, w.name, w.description, w.created_at,
    coalesce((v.counts->>'total')::int, 0) AS entries
  FROM watchlists w
  LEFT JOIN list_versions v ON v.source_id = 'custom:' || w.id AND v.status = 'active'`;

/** Every read is scoped by tenant: another tenant's watchlist is indistinguishable from none. */
export function createWatchlistStore(db: Queryable) {
  return {
    async insert(w: { id: string; tenantId: string; name: string; description: string | null }) {
      await db.query(`INSERT INTO watchlists (id, tenant_id, name, description) VALUES ($1, $2, $3, $4)`, [
        w.id,
        w.tenantId,
        w.name,
        w.description,
      ]);
    },

    async list(tenantId: string): Promise<WatchlistRow[]> {
      const { rows } = await db.query(
        `${SELECT} WHERE w.tenant_id = $1 AND w.deleted_at IS NULL ORDER BY w.created_at, w.id`,
        [tenantId],
      );
      return rows.map(toRow);
    },

    async get(tenantId: string, id: string): Promise<WatchlistRow | undefined> {
      const { rows } = await db.query(
        `${SELECT} WHERE w.tenant_id = $1 AND w.id = $2 AND w.deleted_at IS NULL`,
        [tenantId, id],
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    /** The tenant that owns a live watchlist; undefined once deleted. */
    async owner(id: string): Promise<string | undefined> {
      const { rows } = await db.query<{ tenant_id: string }>(
        `SELECT tenant_id FROM watchlists WHERE id = $1 AND deleted_at IS NULL`,
        [id],
      );
      return rows[0]?.tenant_id;
    },

    /** Deleted watchlists stop matching at once; their versions stay for screenings already answered with them. */
    async markDeleted(client: PoolClient, tenantId: string, id: string): Promise<boolean> {
      const { rowCount } = await client.query(
        `UPDATE watchlists SET deleted_at = now() WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [tenantId, id],
      );
      if (!rowCount) return false;
      await client.query(
        `UPDATE list_versions SET status = 'superseded', deactivated_at = now()
         WHERE source_id = 'custom:' || $1 AND status = 'active'`,
        [id],
      );
      // Other API processes drop the list from their tenant index when they hear this (after COMMIT).
      await client.query('SELECT pg_notify($1, $2)', [
        LIST_ACTIVATED_CHANNEL,
        JSON.stringify({ sourceId: `custom:${id}`, version: null }),
      ]);
      return true;
    },

    /** Every tenant's watchlist versions in force now: ids only, small enough to keep in each process. */
    async allInForce(): Promise<(TenantListVersion & { tenantId: string })[]> {
      const { rows } = await db.query(
        `SELECT w.tenant_id, w.id, w.name, v.source_id, v.version FROM watchlists w
         JOIN list_versions v ON v.source_id = 'custom:' || w.id AND v.status = 'active'
         WHERE w.deleted_at IS NULL ORDER BY w.tenant_id, w.id`,
      );
      return rows.map((r) => ({
        tenantId: r.tenant_id,
        watchlistId: r.id,
        name: r.name,
        sourceId: r.source_id,
        version: r.version,
      }));
    },

    /** The tenant's watchlist versions in force now, or at a past moment for screenings "as of" then. */
    async versionsInForce(tenantId: string, at?: string): Promise<TenantListVersion[]> {
      const { rows } = await db.query(
        at
          ? `SELECT w.id, w.name, v.source_id, v.version FROM watchlists w
             JOIN list_versions v ON v.source_id = 'custom:' || w.id
             WHERE w.tenant_id = $1 AND v.activated_at <= $2 AND (v.deactivated_at IS NULL OR v.deactivated_at > $2)
             ORDER BY w.id`
          : `SELECT w.id, w.name, v.source_id, v.version FROM watchlists w
             JOIN list_versions v ON v.source_id = 'custom:' || w.id AND v.status = 'active'
             WHERE w.tenant_id = $1 AND w.deleted_at IS NULL ORDER BY w.id`,
        at ? [tenantId, at] : [tenantId],
      );
      return rows.map((r) => ({
        watchlistId: r.id,
        name: r.name,
        sourceId: r.source_id,
        version: r.version,
      }));
    },
  };
}

export type WatchlistStore = ReturnType<typeof createWatchlistStore>;
