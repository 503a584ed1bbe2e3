import type { TenantGoodsTable } from '../goods/index.ts';
import type { GoodsTableStore } from './goods-table-store.ts';

/** Loaded versions kept per process; a version never changes once stored, so a kept one is never stale. */
const KEPT_VERSIONS = 500;

/**
 * The tenant's goods tables a screening applies: each table's latest version (or the latest uploaded by
 * `asOf`). One small query per screening with goods names the versions; their rows are read once per process
 * and version, so a new upload is used from the next screening on, in every process, with no notice to miss.
 */
export function createTablesInForce(store: GoodsTableStore) {
  const kept = new Map<string, Promise<TenantGoodsTable>>();

  function load(tableId: string, name: string, version: number): Promise<TenantGoodsTable> {
    const key = `${tableId}@${version}`;
    let found = kept.get(key);
    if (!found) {
      found = store.version(tableId, version).then((v) => ({
        tableId,
        name,
        version,
        rows: v?.rowList ?? [],
      }));
      // A failed read is not kept: the next screening tries again.
      found.catch(() => kept.delete(key));
      kept.set(key, found);
      if (kept.size > KEPT_VERSIONS) kept.delete(kept.keys().next().value!);
    }
    return found;
  }

  return async function inForce(tenantId: string, asOf?: string): Promise<TenantGoodsTable[]> {
    const refs = await store.inForce(tenantId, asOf);
    return Promise.all(refs.map((r) => load(r.tableId, r.name, r.version)));
  };
}
