import { randomBytes } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import { sha256 } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import type { TenantGoodsRow } from '../goods/index.ts';
import { ApiError } from '../http/api-error.ts';
import type { Principal } from '../principal/scopes.ts';
import { diffGoodsTable, type GoodsTableDiff } from './goods-table-diff.ts';
import { createGoodsTableStore, type GoodsTableRecord } from './goods-table-store.ts';
import { type CellError, MAX_BYTES, parseGoodsTable } from './parse-goods-table.ts';

/** Errors listed in one 400: enough to fix a file in a few rounds without a megabyte of problem JSON. */
const MAX_LISTED_ERRORS = 200;

export const goodsTableView = (t: GoodsTableRecord) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  version: t.version,
  rows: t.rows,
  createdAt: t.createdAt,
});

function rejectUpload(errors: CellError[]): ApiError {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({
    in: 'body' as const,
    pointer: e.line === 0 ? '/' : `/${e.line}${e.column ? `/${e.column}` : ''}`,
    message: `${e.line === 0 ? 'file' : `line ${e.line}`}${e.column ? `, column ${e.column}` : ''}: ${e.message}`,
  }));
  const more = errors.length > listed.length ? ` (the first ${listed.length} are listed)` : '';
  return ApiError.badRequest(
    `The goods table has ${errors.length} problem(s)${more}; nothing was loaded`,
    listed,
  );
}

/**
 * The hash of a version's rows, over their canonical JSON: recomputed from the stored jsonb (whose key order is
 * PostgreSQL's) it equals the one the upload's audit event recorded, so GET /audit/verify can check the rows.
 */
export const rowsHash = (rows: readonly TenantGoodsRow[]): string => sha256(canonicalJson(rows));

export function createGoodsTableService(deps: {
  pool: Pool;
  /** Told after a new version is committed, so this process screens with it from the next request on. */
  onUploaded?: (tenantId: string) => void;
}) {
  const store = createGoodsTableStore(deps.pool);

  async function owned(principal: Principal, id: string): Promise<GoodsTableRecord> {
    const found = await store.get(principal.tenantId, id);
    if (!found) throw ApiError.notFound(`No goods table ${id}`);
    return found;
  }

  return {
    store,

    list: (principal: Principal) => store.list(principal.tenantId),

    async create(principal: Principal, body: { name: string; description?: string }) {
      const id = `gt_${randomBytes(8).toString('hex')}`;
      await store.insert({
        id,
        tenantId: principal.tenantId,
        name: body.name,
        description: body.description ?? null,
        by: principal.keyId,
      });
      return owned(principal, id);
    },

    async get(principal: Principal, id: string) {
      const table = await owned(principal, id);
      return { ...goodsTableView(table), versions: await store.versions(id) };
    },

    /** A version's rows and its diff against the version before it (recomputed: versions never change). */
    async version(principal: Principal, id: string, version: number) {
      await owned(principal, id);
      const found = await store.version(id, version);
      if (!found) throw ApiError.notFound(`No version ${version} of goods table ${id}`);
      const before = version > 1 ? await store.version(id, version - 1) : undefined;
      return {
        tableId: id,
        version,
        uploadedAt: found.uploadedAt,
        uploadedBy: found.uploadedBy,
        rows: found.rowList,
        diff: diffGoodsTable(before?.rowList ?? [], found.rowList, before?.version ?? null),
      };
    },

    /**
     * The whole table as its next version, with its goods_table.uploaded event in the same transaction. All or
     * nothing (see parseGoodsTable); a file equal to the current version makes none.
     */
    async upload(principal: Principal, id: string, body: unknown) {
      await owned(principal, id);
      if (typeof body !== 'string')
        throw rejectUpload([{ line: 0, column: '', message: 'expected a CSV body' }]);
      if (Buffer.byteLength(body) > MAX_BYTES)
        throw new ApiError(413, 'Payload Too Large', `A goods table upload is at most ${MAX_BYTES} bytes`);
      const { rows, errors } = await parseGoodsTable(body);
      if (errors.length > 0) throw rejectUpload(errors);
      const contentHash = rowsHash(rows);
      const result = await withTransaction(deps.pool, async (client) => {
        const inTx = createGoodsTableStore(client);
        if (!(await inTx.lock(client, principal.tenantId, id)))
          throw ApiError.notFound(`No goods table ${id}`);
        const latest = await inTx.version(id);
        if (latest?.contentHash === contentHash) {
          const diff: GoodsTableDiff = { against: latest.version, added: [], removed: [], changed: [] };
          return { created: false, tableId: id, version: latest.version, rows: rows.length, diff };
        }
        const version = (latest?.version ?? 0) + 1;
        const diff = diffGoodsTable(latest?.rowList ?? [], rows, latest?.version ?? null);
        const counts = {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        };
        const uploadedAt = new Date().toISOString();
        await inTx.insertVersion(client, {
          tableId: id,
          version,
          uploadedAt,
          uploadedBy: principal.keyId,
          contentHash,
          rowList: rows,
          ...counts,
        });
        await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'goods_table.uploaded',
          occurredAt: uploadedAt,
          payload: { tableId: id, version, rows: rows.length, contentHash, ...counts },
        });
        return { created: true, tableId: id, version, rows: rows.length, diff };
      });
      if (result.created) deps.onUploaded?.(principal.tenantId);
      return result;
    },
  };
}

export type GoodsTableService = ReturnType<typeof createGoodsTableService>;
