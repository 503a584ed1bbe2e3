import type { PoolClient, Queryable } from '../db/pool.ts';
import type { components } from '../generated/api.ts';
import type { TenantGoodsRow } from '../goods/index.ts';

export interface GoodsTableRecord {
  id: string;
  tenantId: string;
  name: string;
  description: string | null;
  createdAt: string;
  /** The current (latest) version and its row count; null and 0 before the first upload. */
  version: number | null;
  rows: number;
}

/** A version as the contract lists it (openapi.yaml `GoodsTableVersionSummary`). */
export type VersionSummary = components['schemas']['GoodsTableVersionSummary'];

export interface StoredVersion extends VersionSummary {
  tableId: string;
  contentHash: string;
  rowList: TenantGoodsRow[];
}

/** A tenant's table version as screening needs it: ids only, the rows are read once per version. */
export interface VersionRef {
  tableId: string;
  name: string;
  version: number;
}

const toTable = (r: Record<string, unknown>): GoodsTableRecord => ({
  id: r.id as string,
  tenantId: r.tenant_id as string,
  name: r.name as string,
  description: (r.description as string | null) ?? null,
  createdAt: r.created_at as string,
  version: (r.version as number | null) ?? null,
  rows: Number(r.row_count ?? 0),
});

const toSummary = (r: Record<string, unknown>): VersionSummary => ({
  version: r.version as number,
  uploadedAt: r.uploaded_at as string,
  uploadedBy: (r.uploaded_by as string | null) ?? null,
  rows: Number(r.row_count),
  added: r.added as number,
  removed: r.removed as number,
  changed: r.changed as number,
});

const SELECT_TABLE = `SELECT t.id, t.tenant_id, t.name, t.description, t.created_at, v.version,
    coalesce(jsonb_array_length(v.rows), 0) AS row_count
  FROM goods_tables t
  LEFT JOIN LATERAL (SELECT version, rows FROM goods_table_versions WHERE table_id = t.id
                     ORDER BY version DESC LIMIT 1) v ON true`;

const SUMMARY = `version, uploaded_at, uploaded_by, jsonb_array_length(rows) AS row_count, added, removed, changed`;

/** Every read is scoped by tenant: another tenant's table is indistinguishable from none. */
export function createGoodsTableStore(db: Queryable) {
  return {
    async insert(t: { id: string; tenantId: string; name: string; description: string | null; by: string }) {
      await db.query(
        `INSERT INTO goods_tables (id, tenant_id, name, description, created_by) VALUES ($1, $2, $3, $4, $5)`,
        [t.id, t.tenantId, t.name, t.description, t.by],
      );
    },

    async list(tenantId: string): Promise<GoodsTableRecord[]> {
      const { rows } = await db.query(`${SELECT_TABLE} WHERE t.tenant_id = $1 ORDER BY t.created_at, t.id`, [
        tenantId,
      ]);
      return rows.map(toTable);
    },

    async get(tenantId: string, id: string): Promise<GoodsTableRecord | undefined> {
      const { rows } = await db.query(`${SELECT_TABLE} WHERE t.tenant_id = $1 AND t.id = $2`, [tenantId, id]);
      return rows[0] ? toTable(rows[0]) : undefined;
    },

    /** Serialises uploads to one table until COMMIT, so version numbers and diffs follow one another. */
    async lock(client: PoolClient, tenantId: string, id: string): Promise<boolean> {
      const { rowCount } = await client.query(
        `SELECT 1 FROM goods_tables WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [tenantId, id],
      );
      return rowCount === 1;
    },

    async versions(id: string): Promise<VersionSummary[]> {
      const { rows } = await db.query(
        `SELECT ${SUMMARY} FROM goods_table_versions WHERE table_id = $1 ORDER BY version DESC`,
        [id],
      );
      return rows.map(toSummary);
    },

    /** A version with its rows; `version` undefined reads the latest. */
    async version(id: string, version?: number): Promise<StoredVersion | undefined> {
      const { rows } = await db.query(
        `SELECT ${SUMMARY}, table_id, content_hash, rows FROM goods_table_versions
         WHERE table_id = $1 AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1`,
        [id, version ?? null],
      );
      const r = rows[0];
      if (!r) return undefined;
      return {
        ...toSummary(r),
        tableId: r.table_id,
        contentHash: r.content_hash,
        rowList: r.rows as TenantGoodsRow[],
      };
    },

    async insertVersion(
      client: PoolClient,
      v: Omit<StoredVersion, 'rows' | 'uploadedAt'> & { uploadedAt: string },
    ): Promise<void> {
      await client.query(
        `INSERT INTO goods_table_versions
           (table_id, version, uploaded_at, uploaded_by, content_hash, rows, added, removed, changed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          v.tableId,
          v.version,
          v.uploadedAt,
          v.uploadedBy,
          v.contentHash,
          JSON.stringify(v.rowList),
          v.added,
          v.removed,
          v.changed,
        ],
      );
    },

    /** Each of the tenant's tables at its latest version, or the latest uploaded by `asOf`. */
    async inForce(tenantId: string, asOf?: string): Promise<VersionRef[]> {
      const { rows } = await db.query(
        `SELECT t.id, t.name, v.version FROM goods_tables t
         JOIN LATERAL (SELECT version FROM goods_table_versions
                       WHERE table_id = t.id AND ($2::timestamptz IS NULL OR uploaded_at <= $2)
                       ORDER BY version DESC LIMIT 1) v ON true
         WHERE t.tenant_id = $1 ORDER BY t.id`,
        [tenantId, asOf ?? null],
      );
      return rows.map((r) => ({ tableId: r.id, name: r.name, version: r.version }));
    },
  };
}

export type GoodsTableStore = ReturnType<typeof createGoodsTableStore>;
