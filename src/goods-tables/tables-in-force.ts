import type { TenantGoodsTable } from '../goods/index.ts';
import type { GoodsTableStore } from './goods-table-store.ts';

/**
 * Rows kept in memory per process, over all loaded versions: twenty full tables (10 000 rows each, a few
 * hundred bytes a row with its index), so a process holds tens of megabytes at most, however many tenants.
 */
const KEPT_ROWS = 200_000;

/**
 * The tenant's goods tables a screening applies: each table's latest version (or the latest uploaded by
 * `asOf`). One small query per screening with goods names the versions; their rows are read once per process
 * and version, so a new upload is used from the next screening on, in every process, with no notice to miss.
 * A version never changes once stored, so a kept one is never stale; the least recently used go first.
 */
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

  return async function inForce(tenantId: string, asOf?: string): Promise<TenantGoodsTable[]> {
    const refs = await store.inForce(tenantId, asOf);
    return Promise.all(refs.map((r) => load(r.tableId, r.name, r.version)));
  };
}
