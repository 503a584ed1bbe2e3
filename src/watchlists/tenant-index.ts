import type { ListEntity } from '../entity/list-entity.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import type { Logger } from '../logger.ts';
import { type BackgroundRarity, buildIndexSliced, type MatchIndex } from '../parties/index.ts';
import type { TenantListVersion, WatchlistStore } from './watchlist-store.ts';

interface Loaded extends TenantListVersion {
  index: MatchIndex;
}

/**
 * Screening of tenant T also searches T's own watchlists, each through a small index of its own built once per
 * (watchlist, version); the shared index never holds any tenant's entries. This module only hands the indexes
 * over (screening's TenantWatchlists.inForce): screening searches them and makes the findings. Everything is in
 * memory before a screening asks, so the common request waits on no connection here.
 *
 * A watchlist's words are weighed by their rarity over the shared lists too (`background`,
 * src/parties/background-rarity.ts): a list of a few entries cannot tell a generic word from a distinctive one
 * by itself. The weights are those of the shared index at the watchlist's build; a later list activation does
 * not rebuild it (the words' rarity over 40,000 entries barely moves with one list's version).
 */
export function createTenantIndex(deps: {
  watchlists: WatchlistStore;
  versions: VersionStore;
  log: Logger;
  background: () => BackgroundRarity | undefined;
}) {
  const indexOf = async (l: TenantListVersion): Promise<MatchIndex> => {
    const background = deps.background();
    // In slices: a tenant's large upload must not hold every other tenant's requests while it indexes.
    return buildIndexSliced((await deps.versions.items(l.sourceId, l.version)) as ListEntity[], {
      ...(background ? { background } : {}),
    });
  };
  let byTenant = new Map<string, Loaded[]>();
  const built = new Map<string, MatchIndex>();
  let running: Promise<void> | undefined;
  let again = false;

  async function rebuild(): Promise<void> {
    const lists = await deps.watchlists.allInForce();
    const next = new Map<string, Loaded[]>();
    const keep = new Set<string>();
    for (const l of lists) {
      const key = `${l.sourceId}@${l.version}`;
      keep.add(key);
      let index = built.get(key);
      if (!index) {
        index = await indexOf(l);
        built.set(key, index);
      }
      next.set(l.tenantId, [...(next.get(l.tenantId) ?? []), { ...l, index }]);
    }
    for (const key of built.keys()) if (!keep.has(key)) built.delete(key);
    byTenant = next;
  }

  /** Coalesces bursts of changes into one rebuild at a time, plus one more if another arrived meanwhile. */
  function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await rebuild();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  /** The tenant's watchlists in force now (from memory), or at `asOf` (indexed for this request). */
  async function inForce(tenantId: string, asOf?: string): Promise<Loaded[]> {
    if (!asOf) return byTenant.get(tenantId) ?? [];
    const then = await deps.watchlists.versionsInForce(tenantId, asOf);
    return Promise.all(then.map(async (l) => ({ ...l, index: await indexOf(l) })));
  }

  return {
    inForce,
    /** After an upload or a deletion (this process: awaited; others: on the activation notice). */
    refresh: () =>
      refresh().catch((err) => deps.log.error({ err }, 'could not rebuild the tenant watchlist index')),
  };
}

export type TenantIndex = ReturnType<typeof createTenantIndex>;
