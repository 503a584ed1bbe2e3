import type { ChainHead } from '../audit/audit-store.ts';
import type { Chunk } from '../contract/screen-job-chunk.ts';
import type { Finding, ScreenRequest } from '../contract/screening-types.ts';
import type { Fragment } from '../db/fragments.ts';
import type { Pool } from '../db/pool.ts';
import type { TenantGoodsTable } from '../goods/index.ts';
import type { ListsModule } from '../lists/lists-module.ts';
import type { MatchIndex } from '../parties/index.ts';
import type { Policy } from '../policy/policy.ts';
import type { Principal } from '../principal/scopes.ts';
import type { RedFlags } from '../red-flags/red-flags-service.ts';
import type { GoodsLicensing } from './goods-licensing.ts';
import type { ScreeningRow } from './screening-store.ts';

/** The tenant's policy (src/policy/policy-service.ts): read once per screening. */
export interface PolicySource {
  current(tenantId: string): Promise<Policy>;
}

/** One of a tenant's own watchlists, with the match index built for its version. */
export interface WatchlistIndex {
  sourceId: string;
  name: string;
  index: MatchIndex;
}

/**
 * Tenants' own watchlists (src/watchlists/). Screening searches their indexes itself, so the watchlists
 * module knows nothing of findings; the indexes are in memory before a screening asks (see tenant-index.ts).
 */
export interface TenantWatchlists {
  /** Source ids (`custom:<id>`) a request may select: live watchlists, plus those in force at `asOf`. */
  sourceIds(tenantId: string, asOf?: string): Promise<string[]>;
  /** The watchlists in force now, or at `asOf`, each with its index. */
  inForce(tenantId: string, asOf?: string): Promise<WatchlistIndex[]>;
}

/**
 * Tenants' own goods control tables (src/goods-tables/): the version of each table a screening applies, with
 * its rows. Screening turns them into findings itself (src/goods/tenant-table-findings.ts).
 */
export interface TenantGoodsTables {
  inForce(tenantId: string, asOf?: string): Promise<TenantGoodsTable[]>;
}

/** The false-positive memory (src/reviews/): party findings an officer already cleared come back suppressed. */
export interface FalsePositiveMemory {
  suppressRemembered(principal: Principal, req: ScreenRequest, findings: Finding[]): Promise<Finding[]>;
}

/**
 * Everything a set of one tenant's screenings writes, as the fragments of one statement chained from `head`
 * (src/writes/screening-write.ts): the tables of audit, reviews, monitoring and screen jobs as well as
 * screening's own. Handed in by src/container.ts so screening imports none of those modules, which import it.
 */
export type ScreeningWrite = (
  rows: ScreeningRow[],
  head: ChainHead,
  chunk?: Chunk,
) => { fragments: Fragment[]; head: ChainHead };

export interface ScreeningDeps {
  pool: Pool;
  lists: ListsModule;
  policy: PolicySource;
  watchlists: TenantWatchlists;
  falsePositives: FalsePositiveMemory;
  /** The tenant's own goods tables, applied beside the shipped ones to every screening with goods lines. */
  goodsTables?: TenantGoodsTables;
  /** The one statement that stores screenings (see ScreeningWrite). */
  write: ScreeningWrite;
  /** The tenant's export licences (src/licences/): goods findings a valid licence covers are marked `licensed`. */
  licensing?: GoodsLicensing;
  /** Time budget of one evaluation's party matching (config SCREEN_CPU_BUDGET_MS). */
  cpuBudgetMs?: number;
  /** Diversion red flags (src/red-flags/): findings of kind `red_flag`, added before the decision. */
  redFlags?: RedFlags;
}
