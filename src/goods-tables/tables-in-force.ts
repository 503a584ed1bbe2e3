import type { TenantGoodsTable } from '../goods/index.ts';
import type { GoodsTableStore } from './goods-table-store.ts';

/**
 * Rows kept in memory per process, over all loaded versions: twenty full tables (10 000 rows each, a few
 * hundred bytes a row with its index), so a process holds tens of megabytes at most, however many tenants.
 */
const KEPT_ROWS = 200_000;

/**
 * The tenant's goods tables a screening applies: each table's latest version (or the latest uploaded by
 * `asOf`). Which versions are latest is read by one small query, kept per tenant for REFS_MS: that query on
 * every screening with goods was ~a tenth of the service's CPU per request (bench:compare). Like the tenant
 * policy (policy-service.ts), a new upload is used from the next screening in the process that took it, and
 * within REFS_MS in every other process; each screening's findings name the table version they applied. An
 * `asOf` screening reads the versions every time. A version's rows are read once per process: a version never
 * changes once stored, so a kept one is never stale; the least recently used go first.
 */
const REFS_MS = 2_000;

interface Kept {
  table: Promise<TenantGoodsTable>;
  /** Counted once read; 0 while the read is under way. */
  rows: number;
}

export function createTablesInForce(store: GoodsTableStore, budget = KEPT_ROWS) {
  const kept = new Map<string, Kept>();
  let keptRows = 0;

  function forget(key: string): void {
    const entry = kept.get(key);
    if (!entry) return;
    kept.delete(key);
    keptRows -= entry.rows;
  }

  function load(tableId: string, name: string, version: number): Promise<TenantGoodsTable> {
    const key = `${tableId}@${version}`;
    const hit = kept.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting marks it most recently used.
      kept.delete(key);
      kept.set(key, hit);
      return hit.table;
    }
    const entry = { rows: 0 } as Kept;
    entry.table = store.version(tableId, version).then((v): TenantGoodsTable => {
      const rows = v?.rowList ?? [];
      if (kept.get(key) === entry) {
        entry.rows = rows.length;
        keptRows += rows.length;
        for (const oldest of kept.keys()) {
          if (keptRows <= budget || oldest === key) break;
          forget(oldest);
        }
      }
      return { tableId, name, version, rows };
    });
    // A failed read is not kept: the next screening tries again.
    entry.table.catch(() => {
      if (kept.get(key) === entry) forget(key);
    });
    kept.set(key, entry);
    return entry.table;
  }

  const latest = new Map<string, { refs: ReturnType<GoodsTableStore['inForce']>; until: number }>();

  function refsOf(tenantId: string, asOf?: string): ReturnType<GoodsTableStore['inForce']> {
    if (asOf !== undefined) return store.inForce(tenantId, asOf);
    const hit = latest.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.refs;
    const entry = { refs: store.inForce(tenantId), until: Date.now() + REFS_MS };
    // A failed read is not kept: the next screening asks again.
    entry.refs.catch(() => {
      if (latest.get(tenantId) === entry) latest.delete(tenantId);
    });
    latest.set(tenantId, entry);
    return entry.refs;
  }

  return {
    async inForce(tenantId: string, asOf?: string): Promise<TenantGoodsTable[]> {
      const refs = await refsOf(tenantId, asOf);
      return Promise.all(refs.map((r) => load(r.tableId, r.name, r.version)));
    },
    /** A version was uploaded in this process: its next screening reads the versions again. */
    forget(tenantId: string): void {
      latest.delete(tenantId);
    },
  };
}

export type TablesInForce = ReturnType<typeof createTablesInForce>;
