import type { Pool } from '../db/pool.ts';
import type { ListService } from '../lists/list-service.ts';
import { createDashboardStore } from './dashboard-store.ts';
import { backlogOf, densePerDay, inUseSince, windowStart } from './dashboard-window.ts';

export interface DashboardDeps {
  pool: Pool;
  /** Staleness and versions exactly as GET /lists reports them, through the lists module's service. */
  lists: Pick<ListService, 'statuses' | 'versions'>;
}

/** GET /dashboard: the tenant's own screenings and reviews, and the shared list sources' freshness. */
export function createDashboardService(deps: DashboardDeps) {
  const store = createDashboardStore(deps.pool);

  async function lists(fromMs: number) {
    const statuses = await deps.lists.statuses();
    return Promise.all(
      statuses.map(async (s) => {
        const versions = await deps.lists.versions(s.id);
        return {
          id: s.id,
          title: s.title,
          kind: s.kind,
          stale: s.stale,
          ...(s.staleReason ? { staleReason: s.staleReason } : {}),
          activeVersion: s.activeVersion?.version ?? null,
          publishedAt: s.activeVersion?.publishedAt ?? null,
          versions: versions
            .filter((v) => inUseSince(v, fromMs))
            .map((v) => ({
              version: v.version,
              status: v.status,
              publishedAt: v.publishedAt,
              activatedAt: v.activatedAt as string,
              deactivatedAt: v.deactivatedAt,
            })),
        };
      }),
    );
  }

  return {
    async get(tenantId: string, days: number, nowMs = Date.now()) {
      const fromMs = windowStart(nowMs, days);
      const from = new Date(fromMs);
      const [perDay, reviews, hitsBySource, findingsByKind, backlog, sources] = await Promise.all([
        store.perDay(tenantId, from),
        store.reviewsPerDay(tenantId, from),
        store.hitsBySource(tenantId, from),
        store.findingsByKind(tenantId, from),
        store.backlog(tenantId, new Date(nowMs)),
        lists(fromMs),
      ]);
      return {
        generatedAt: new Date(nowMs).toISOString(),
        from: from.toISOString().slice(0, 10),
        days,
        perDay: densePerDay(fromMs, days, perDay, reviews),
        hitsBySource,
        findingsByKind,
        backlog: backlogOf(backlog),
        lists: sources,
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
