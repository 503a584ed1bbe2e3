import { Router } from 'express';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { Principal } from '../principal/scopes.ts';
import type { ListService } from './list-service.ts';
import { isTenantSource } from './tenant-source.ts';
import type { ListVersionRow } from './versions/version-types.ts';

export const versionView = (v: ListVersionRow) => ({
  version: v.version,
  status: v.status,
  contentHash: v.contentHash,
  fetchedAt: v.fetchedAt,
  publishedAt: v.publishedAt,
  activatedAt: v.activatedAt,
  counts: v.counts,
  warnings: v.warnings,
  quarantineReason: v.quarantineReason,
  activatedVia: v.activatedVia,
  activationReason: v.activationReason,
});

type Status = Awaited<ReturnType<ListService['status']>>;
const statusView = (s: Status) => ({
  ...s,
  activeVersion: s.activeVersion ? versionView(s.activeVersion) : null,
});

/** A tenant's own watchlist entry (`custom:<id>`), looked up within the caller's tenant. */
export type TenantEntry = (principal: Principal, sourceId: string, entryId: string) => Promise<unknown>;

export function listRoutes(route: RouteRegistrar, lists: ListService, tenantEntry: TenantEntry): Router {
  const router = Router();
  route(router, 'listSources', async (_req, res) => {
    res.json({ items: (await lists.statuses()).map(statusView) });
  });
  route(router, 'getSource', async (req, res) => {
    res.json(statusView(await lists.status(req.params.sourceId as string)));
  });
  route(router, 'getListEntry', async (req, res) => {
    const sourceId = req.params.sourceId as string;
    const entryId = req.params.entryId as string;
    res.json(
      isTenantSource(sourceId)
        ? await tenantEntry(principalOf(res), sourceId, entryId)
        : await lists.entry(sourceId, entryId),
    );
  });
  route(router, 'listSourceVersions', async (req, res) => {
    res.json({ items: (await lists.versions(req.params.sourceId as string)).map(versionView) });
  });
  route(router, 'getVersionDiff', async (req, res) => {
    res.json(await lists.diff(req.params.sourceId as string, Number(req.params.version)));
  });
  route(router, 'refreshSource', async (req, res) => {
    res.status(202).json(await lists.refresh(principalOf(res), req.params.sourceId as string));
  });
  route(router, 'activateVersion', async (req, res) => {
    const v = await lists.activate(
      principalOf(res),
      req.params.sourceId as string,
      Number(req.params.version),
      (req.body as { reason?: string } | undefined)?.reason,
    );
    res.json(versionView(v));
  });
  return router;
}
