import type { Pool } from '../db/pool.ts';
import { listenForActivations } from '../lists/active/activation-listener.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import type { Logger } from '../logger.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import type { ScreeningHooks } from '../screening/screening-service.ts';
import { createTenantIndex } from './tenant-index.ts';
import { createWatchlistService, type WatchlistService } from './watchlist-service.ts';

/** Tenants' own watchlists: the service behind the routes, and the screening hook that searches them. */
export async function createWatchlistsModule(d: {
  pool: Pool;
  databaseUrl: string;
  versions: VersionStore;
  policies: PolicyService;
  screeningHooks: ScreeningHooks;
  log: Logger;
}): Promise<WatchlistService & { close(): Promise<void> }> {
  let index: ReturnType<typeof createTenantIndex> | undefined;
  const service = createWatchlistService({
    pool: d.pool,
    versions: d.versions,
    onChange: async () => index?.refresh(),
  });
  index = createTenantIndex({
    watchlists: service.store,
    versions: d.versions,
    policies: d.policies,
    log: d.log,
  });
  await index.refresh();
  d.screeningHooks.adjustFindings.push(index.adjustFindings);
  // Uploads and deletions taken by another API process reach this one through the activation notice.
  const listener = listenForActivations(d.databaseUrl, d.log, () => void index?.refresh());
  return { ...service, close: () => listener.close() };
}
