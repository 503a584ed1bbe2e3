import type { RowCheck } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import type { TenantGoodsTable } from '../goods/index.ts';
import { createGoodsTableService, type GoodsTableService } from './goods-table-service.ts';
import { createGoodsTableCheck } from './goods-table-verify.ts';
import { createTablesInForce, type TablesInForce } from './tables-in-force.ts';

export interface GoodsTablesModule {
  service: GoodsTableService;
  /** Given to the screening service as its `goodsTables` dependency. */
  inForce(tenantId: string, asOf?: string): Promise<TenantGoodsTable[]>;
  /** GET /audit/verify's check of the goods-table versions (a fresh one per walk). */
  check: () => RowCheck;
}

/** Tenants' own goods control tables: the CSV import behind the routes, and the versions screening applies. */
export function createGoodsTablesModule(deps: { pool: Pool }): GoodsTablesModule {
  let tables: TablesInForce | undefined;
  const service = createGoodsTableService({ ...deps, onUploaded: (tenantId) => tables?.forget(tenantId) });
  tables = createTablesInForce(service.store);
  return {
    service,
    inForce: tables.inForce,
    check: () => createGoodsTableCheck(deps.pool),
  };
}
