import type { Pool } from '../db/pool.ts';
import { listenForActivations } from '../lists/active/activation-listener.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import type { Logger } from '../logger.ts';
import type { BackgroundRarity } from '../parties/index.ts';
import { createTenantIndex, type TenantIndex } from './tenant-index.ts';
import { createWatchlistService, type WatchlistService } from './watchlist-service.ts';

export type WatchlistsModule = WatchlistService & Pick<TenantIndex, 'inForce'> & { close(): Promise<void> };

/** Tenants' own watchlists: the service behind the routes, and the indexes screening searches (`inForce`). */
export async function createWatchlistsModule(d: {
  pool: Pool;
  databaseUrl: string;
  versions: VersionStore;
  log: Logger;
  /** The shared lists' word rarity, which weighs the watchlists' words (tenant-index.ts). */
  background: () => BackgroundRarity | undefined;
}): Promise<WatchlistsModule> {
  let index: TenantIndex | undefined;
  const service = createWatchlistService({
    pool: d.pool,
    versions: d.versions,
    onChange: async () => index?.refresh(),
  });
  const built = createTenantIndex({
    watchlists: service.store,
    versions: d.versions,
    log: d.log,
    background: d.background,
  });
  index = built;
  await built.refresh();
  // Uploads and deletions taken by another API process reach this one through the activation notice.
  const listener = listenForActivations(d.databaseUrl, d.log, () => void index?.refresh());
  return { ...service, inForce: built.inForce, close: () => listener.close() };
}
