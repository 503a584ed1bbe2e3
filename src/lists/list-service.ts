import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import { appendOperatorEvent } from '../operator/operator-audit.ts';
import type { Principal } from '../principal/scopes.ts';
import { publicationFreshness } from './freshness/publication-freshness.ts';
import type { ListCatalog } from './list-catalog.ts';
import { activateVersion } from './refresh/activate-version.ts';
import type { RefreshQueue } from './refresh/refresh-queue.ts';
import { resolveLocation } from './refresh/resolve-location.ts';
import { changedFields } from './versions/changed-fields.ts';
import type { VersionStore } from './versions/version-store.ts';
import type { DiffEntry, ListVersionRow } from './versions/version-types.ts';

export interface ListServiceDeps {
  pool: Pool;
  store: VersionStore;
  catalog: ListCatalog;
  queue: RefreshQueue;
  overrides: Record<string, string>;
  refreshIntervalMs: number;
  /** "Partial coverage: not loaded: …" for the control lists in use. */
  controlCoverage?: () => string;
}

const itemName = (item: unknown, fallback: string) => (item as { name?: string } | null)?.name ?? fallback;

export function createListService(deps: ListServiceDeps) {
  const source = (id: string) => {
    const s = deps.catalog.get(id);
    if (!s) throw ApiError.notFound(`No list source ${id}`);
    return s;
  };

  return {
    async status(id: string) {
      const s = source(id);
      const [active, last, lastOk] = await Promise.all([
        deps.store.active(id),
        deps.store.lastAttempt(id),
        deps.store.lastSuccessfulCheck(id),
      ]);
      const now = Date.now();
      const checkedAt = lastOk ? Date.parse(lastOk.finishedAt) : 0;
      // Stale either way: the authority's file unreachable for two refresh intervals, or reached but old.
      const unchecked = now - checkedAt > 2 * deps.refreshIntervalMs;
      const published = active ? publicationFreshness(s.id, active.publishedAt, now) : { stale: false };
      const staleReason = published.stale
        ? published.reason
        : unchecked
          ? lastOk
            ? `last successful check ${lastOk.finishedAt}, more than two refresh intervals ago`
            : 'never checked successfully'
          : undefined;
      return {
        id: s.id,
        title: s.title,
        authority: s.authority,
        kind: s.kind,
        status: active
          ? 'active'
          : last?.outcome === 'failed' || last?.outcome === 'quarantined'
            ? 'failing'
            : 'never_loaded',
        location: resolveLocation(s, deps.overrides[s.id]).description,
        activeVersion: active ?? null,
        lastAttempt: last
          ? { at: last.finishedAt, outcome: last.outcome, detail: last.detail ?? undefined }
          : null,
        stale: unchecked || published.stale,
        ...(staleReason ? { staleReason } : {}),
        // A control list says honestly which annex tables the goods screen has and which it lacks.
        ...(s.kind === 'export_control' && deps.controlCoverage ? { coverage: deps.controlCoverage() } : {}),
      };
    },

    async statuses() {
      return Promise.all(deps.catalog.sources.map((s) => this.status(s.id)));
    },

    async versions(id: string): Promise<ListVersionRow[]> {
      source(id);
      return deps.store.list(id);
    },

    async entry(id: string, entryId: string) {
      source(id);
      const active = await deps.store.active(id);
      const found = active ? await deps.store.item(id, active.version, entryId) : undefined;
      if (!found) throw ApiError.notFound(`No entry ${entryId} in the active version of ${id}`);
      return found.item;
    },

    /** The diff of a version against the version that was active before it (or the active one, if never active). */
    async diff(id: string, version: number) {
      source(id);
      const v = await deps.store.get(id, version);
      if (!v) throw ApiError.notFound(`No version ${version} of ${id}`);
      const history = await deps.store.list(id, 10_000);
      const against =
        v.activatedAt === null
          ? ((await deps.store.active(id))?.version ?? null)
          : (history.find((h) => h.version < version && h.activatedAt !== null)?.version ?? null);
      const rows = await deps.store.diff(id, against, version);
      const out = {
        source: id,
        version,
        against,
        added: [] as DiffEntry[],
        removed: [] as DiffEntry[],
        changed: [] as DiffEntry[],
      };
      for (const r of rows) {
        if (r.change === 'added')
          out.added.push({ entryId: r.entryId, name: itemName(r.newItem, r.entryId) });
        else if (r.change === 'removed')
          out.removed.push({ entryId: r.entryId, name: itemName(r.oldItem, r.entryId) });
        else
          out.changed.push({
            entryId: r.entryId,
            name: itemName(r.newItem, r.entryId),
            fields: changedFields(r.oldItem, r.newItem),
          });
      }
      return out;
    },

    /** Operator plane: the request is recorded in the operator chain; the refresh itself is the worker's. */
    async refresh(actor: Principal, id: string) {
      source(id);
      const jobId = await deps.queue.enqueue(id);
      await withTransaction(deps.pool, (client) =>
        appendOperatorEvent(client, {
          actor: actor.keyId,
          type: 'list.refresh_requested',
          payload: { source: id, jobId },
        }),
      );
      return { jobId, source: id };
    },

    /**
     * Operator plane. Activating a quarantined version overrides the guardrails, and activating one older than
     * the active version rolls the list back for every tenant: both need a reason, which goes with the
     * operator's key into the operator chain and stays on the version.
     */
    async activate(
      actor: Principal,
      id: string,
      version: number,
      reason: string | undefined,
    ): Promise<ListVersionRow> {
      source(id);
      const v = await deps.store.get(id, version);
      if (!v) throw ApiError.notFound(`No version ${version} of ${id}`);
      if (v.status === 'active') throw ApiError.conflict(`Version ${version} of ${id} is already active`);
      const active = await deps.store.active(id);
      const why =
        v.status === 'quarantined'
          ? `version ${version} of ${id} is quarantined (${v.quarantineReason ?? 'no reason recorded'})`
          : active && version < active.version
            ? `version ${version} of ${id} is older than the active version ${active.version}`
            : null;
      if (why && !reason?.trim()) {
        throw ApiError.badRequest(`A reason is required: ${why}`, [
          {
            in: 'body',
            pointer: '/reason',
            message: 'is required to activate a quarantined or an older version',
          },
        ]);
      }
      await withTransaction(deps.pool, (client) =>
        activateVersion(client, deps.store, id, version, {
          plane: 'operator',
          keyId: actor.keyId,
          reason: reason?.trim() || null,
        }),
      );
      return (await deps.store.get(id, version))!;
    },
  };
}

export type ListService = ReturnType<typeof createListService>;
