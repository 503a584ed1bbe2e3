import {
  MAX_PROBLEMS,
  type RowCheck,
  sameInstant,
  type VerifiedPage,
  vouchedRows,
} from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import type { TenantGoodsRow } from '../goods/index.ts';
import { rowsHash } from './goods-table-service.ts';

interface UploadPayload {
  tableId?: string;
  version?: number;
  rows?: number;
  contentHash?: string;
  added?: number;
  removed?: number;
  changed?: number;
}

interface StoredVersionRow {
  contentHash: string;
  rows: TenantGoodsRow[];
  uploadedBy: string | null;
  uploadedAt: string;
  added: number;
  removed: number;
  changed: number;
}

/** `gt_…@3`: a version's id in problems, as its primary key (table_id, version) reads. */
const versionId = (tableId: string | undefined, version: number | undefined) =>
  tableId === undefined || version === undefined ? undefined : `${tableId}@${version}`;

/**
 * Goods-table versions against their goods_table.uploaded events. A row added to a table behind the service's
 * back would block or review goods no officer listed, a row removed would stop screening them: the rows are
 * hashed again from what is stored and compared with the hash the event recorded.
 */
export function createGoodsTableCheck(pool: Pool): RowCheck {
  async function byIds(tenantId: string, ids: string[]): Promise<Map<string, StoredVersionRow>> {
    if (ids.length === 0) return new Map();
    const { rows } = await pool.query(
      `SELECT v.table_id || '@' || v.version AS id, v.content_hash, v.rows, v.uploaded_by, v.uploaded_at,
              v.added, v.removed, v.changed
       FROM goods_table_versions v JOIN goods_tables t ON t.id = v.table_id
       WHERE t.tenant_id = $1 AND v.table_id || '@' || v.version = ANY($2::text[])`,
      [tenantId, ids],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          contentHash: r.content_hash,
          rows: r.rows,
          uploadedBy: r.uploaded_by,
          uploadedAt: r.uploaded_at,
          added: r.added,
          removed: r.removed,
          changed: r.changed,
        },
      ]),
    );
  }

  async function page(p: VerifiedPage, log: Parameters<RowCheck['page']>[1]) {
    const vouched = await vouchedRows<UploadPayload, StoredVersionRow>(p, log, {
      table: 'goods_table_versions',
      types: ['goods_table.uploaded'],
      idOf: (pl) => versionId(pl.tableId, pl.version),
      rowsById: byIds,
    });
    for (const { event: e, payload: pl, row: v, differs } of vouched) {
      if (rowsHash(v.rows) !== pl.contentHash) differs('rows', rowsHash(v.rows), pl.contentHash);
      if (v.contentHash !== pl.contentHash) differs('content_hash', v.contentHash, pl.contentHash);
      for (const field of ['added', 'removed', 'changed'] as const)
        if (v[field] !== pl[field]) differs(field, v[field], pl[field]);
      if (v.uploadedBy !== e.actor) differs('uploaded_by', v.uploadedBy, e.actor);
      if (!sameInstant(v.uploadedAt, e.occurredAt)) differs('uploaded_at', v.uploadedAt, e.occurredAt);
    }
  }

  return {
    page,
    async rest(tenantId, log) {
      const { rows } = await pool.query(
        `SELECT v.table_id || '@' || v.version AS id FROM goods_table_versions v
         JOIN goods_tables t ON t.id = v.table_id
         WHERE t.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.tenant_id = $1
           AND e.type = 'goods_table.uploaded' AND e.payload->>'tableId' = v.table_id
           AND (e.payload->>'version')::int = v.version)
         ORDER BY 1 LIMIT $2`,
        [tenantId, MAX_PROBLEMS],
      );
      for (const r of rows) {
        const detail = 'no goods_table.uploaded event vouches for this version';
        log.add({ table: 'goods_table_versions', id: r.id, field: null, detail });
      }
    },
  };
}
