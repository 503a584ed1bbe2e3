import { randomBytes } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { newParseReport } from '../entity/list-entity.ts';
import { ApiError } from '../http/api-error.ts';
import { activateVersion } from '../lists/refresh/activate-version.ts';
import { watchlistSourceId } from '../lists/tenant-source.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import { itemHash, writeVersionItems } from '../lists/versions/write-items.ts';
import type { Principal } from '../principal/scopes.ts';
import { parseWatchlistUpload, type RowError } from './parse-upload.ts';
import { createWatchlistStore, type WatchlistRow } from './watchlist-store.ts';

export interface WatchlistServiceDeps {
  pool: Pool;
  versions: VersionStore;
  /** Awaited after a tenant's watchlists changed, so this process screens with them from the next request. */
  onChange: () => Promise<void>;
}

export const watchlistView = (w: WatchlistRow) => ({
  id: w.id,
  name: w.name,
  description: w.description,
  entries: w.entries,
  createdAt: w.createdAt,
});

export function createWatchlistService(deps: WatchlistServiceDeps) {
  const store = createWatchlistStore(deps.pool);

  async function owned(principal: Principal, id: string): Promise<WatchlistRow> {
    const found = await store.get(principal.tenantId, id);
    if (!found) throw ApiError.notFound(`No watchlist ${id}`);
    return found;
  }

  return {
    store,

    list: (principal: Principal) => store.list(principal.tenantId),

    /**
     * The tenant's watchlists a screening may name in `options.lists`: every live one (uploaded or not yet), and
     * for an `asOf` screening also those in force then, deleted since. Another tenant's are not among them.
     */
    async sourceIds(tenantId: string, asOf?: string): Promise<string[]> {
      const live = (await store.list(tenantId)).map((w) => watchlistSourceId(w.id));
      const then = asOf ? (await store.versionsInForce(tenantId, asOf)).map((l) => l.sourceId) : [];
      return [...new Set([...live, ...then])];
    },

    async create(principal: Principal, body: { name: string; description?: string }) {
      const id = `wl_${randomBytes(8).toString('hex')}`;
      await store.insert({
        id,
        tenantId: principal.tenantId,
        name: body.name,
        description: body.description ?? null,
      });
      return owned(principal, id);
    },

    /**
     * One entry of the tenant's own watchlist, as `GET /lists/custom:<id>/entries/<entryId>` shows entries of the
     * shared lists: a watchlist finding's entry link must open for its owner (and 404 for anyone else).
     */
    async entry(principal: Principal, sourceId: string, entryId: string) {
      await owned(principal, sourceId.slice('custom:'.length));
      const active = await deps.versions.active(sourceId);
      const found = active ? await deps.versions.item(sourceId, active.version, entryId) : undefined;
      if (!found) throw ApiError.notFound(`No entry ${entryId} in the active version of ${sourceId}`);
      return found.item;
    },

    async remove(principal: Principal, id: string): Promise<void> {
      await withTransaction(deps.pool, async (client) => {
        if (!(await createWatchlistStore(client).markDeleted(client, principal.tenantId, id)))
          throw ApiError.notFound(`No watchlist ${id}`);
        await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'watchlist.deleted',
          payload: { watchlistId: id },
        });
      });
      await deps.onChange();
    },

    /**
     * Valid rows replace the watchlist as a new version, activated at once (the tenant is the authority of its
     * own list, so there are no drop guardrails); bad rows are reported and not loaded. An upload with no valid
     * row at all leaves the current version in force rather than emptying the list by mistake.
     */
    async upload(
      principal: Principal,
      id: string,
      body: string,
      contentType: string,
    ): Promise<{ loaded: number; errors: RowError[] }> {
      await owned(principal, id);
      const { entities, errors } = parseWatchlistUpload(body, contentType, id);
      if (entities.length === 0 && errors.length > 0) return { loaded: 0, errors };
      const sourceId = watchlistSourceId(id);
      const items = entities.map((e) => ({ entryId: e.entryId, name: e.name, kind: e.kind, data: e }));
      const contentHash = itemHash(items.map((i) => i.data));
      const loaded = await withTransaction(deps.pool, async (client) => {
        await deps.versions.lockSource(client, sourceId);
        const active = await deps.versions.active(sourceId);
        if (active?.contentHash === contentHash) return active.counts.total;
        const version = await deps.versions.insertPending(client, {
          sourceId,
          contentHash,
          fetchedAt: new Date().toISOString(),
          publishedAt: null,
        });
        const report = newParseReport();
        report.recordsSeen = entities.length + new Set(errors.map((e) => e.row)).size;
        report.recordsSkipped = report.recordsSeen - entities.length;
        const { counts } = await writeVersionItems(client, deps.versions, sourceId, version, items, report);
        await deps.versions.finishVersion(client, sourceId, version, {
          status: 'superseded',
          counts,
          warnings: errors.slice(0, 500).map((e) => `row ${e.row}: ${e.message}`),
          reason: null,
        });
        await activateVersion(client, deps.versions, sourceId, version, {
          plane: 'tenant',
          tenantId: principal.tenantId,
          keyId: principal.keyId,
        });
        return counts.total;
      });
      await deps.onChange();
      return { loaded, errors };
    },
  };
}

export type WatchlistService = ReturnType<typeof createWatchlistService>;
