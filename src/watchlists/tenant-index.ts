import type { Finding, ScreenRequest } from '../contract/screening-types.ts';
import type { ListEntity } from '../entity/list-entity.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import type { Logger } from '../logger.ts';
import { buildIndexSliced, type MatchIndex } from '../parties/index.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import type { Principal } from '../principal/scopes.ts';
import { partyFindings } from '../screening/party-findings.ts';
import type { TenantListVersion, WatchlistStore } from './watchlist-store.ts';

interface Loaded extends TenantListVersion {
  index: MatchIndex;
}

/**
 * Screening of tenant T also searches T's own watchlists, each through a small index of its own built once per
 * (watchlist, version). Registered in `screeningHooks.adjustFindings`; the shared index never holds any
 * tenant's entries. Everything is in memory before a screening needs it: the hook runs inside the
 * Idempotency-Key transaction, where waiting for a second pool connection could starve the pool.
 */
export function createTenantIndex(deps: {
  watchlists: WatchlistStore;
  versions: VersionStore;
  policies: PolicyService;
  log: Logger;
}) {
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
        // In slices: a tenant's large upload must not hold every other tenant's requests while it indexes.
        index = await buildIndexSliced((await deps.versions.items(l.sourceId, l.version)) as ListEntity[]);
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

  async function listsFor(tenantId: string, asOf: string | undefined) {
    if (!asOf) return byTenant.get(tenantId) ?? [];
    const then = await deps.watchlists.versionsInForce(tenantId, asOf);
    return Promise.all(
      then.map(async (l) => ({
        ...l,
        index: await buildIndexSliced((await deps.versions.items(l.sourceId, l.version)) as ListEntity[]),
      })),
    );
  }

  async function adjustFindings(
    principal: Principal,
    req: ScreenRequest,
    findings: Finding[],
  ): Promise<Finding[]> {
    const include = req.options?.lists?.include;
    const exclude = new Set(req.options?.lists?.exclude ?? []);
    const lists = (await listsFor(principal.tenantId, req.options?.asOf)).filter(
      (l) => !exclude.has(l.sourceId) && (!include || include.includes(l.sourceId)),
    );
    if (lists.length === 0) return findings;
    const policy = await deps.policies.current(principal.tenantId);
    const out = [...findings];
    for (const list of lists) {
      out.push(
        ...partyFindings(list.index, req.parties, {
          reviewThreshold: req.options?.threshold ?? policy.reviewThreshold,
          blockThreshold: policy.blockThreshold,
          sourceAllowed: () => true,
          sourceTitle: () => `watchlist “${list.name}”`,
        }),
      );
    }
    return out;
  }

  return {
    adjustFindings,
    /** After an upload or a deletion (this process: awaited; others: on the activation notice). */
    refresh: () =>
      refresh().catch((err) => deps.log.error({ err }, 'could not rebuild the tenant watchlist index')),
  };
}

export type TenantIndex = ReturnType<typeof createTenantIndex>;
