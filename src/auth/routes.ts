import { Router } from 'express';
import { ApiError } from '../http/api-error.ts';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { Scope } from '../principal/scopes.ts';
import type { KeyService } from './key-service.ts';
import type { ApiKeyRow } from './key-store.ts';

const view = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  rateLimitPerSecond: k.rateLimitPerSecond,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
  lastUsedAt: k.lastUsedAt,
});

export function keyRoutes(route: RouteRegistrar, keys: KeyService): Router {
  const router = Router();
  route(router, 'getCurrentKey', (_req, res) => {
    const p = principalOf(res);
    res.json({ keyId: p.keyId, tenantId: p.tenantId, scopes: p.scopes });
  });
  route(router, 'listApiKeys', async (_req, res) => {
    const items = await keys.list(principalOf(res).tenantId);
    res.json({ items: items.map(view) });
  });
  route(router, 'createApiKey', async (req, res) => {
    const actor = principalOf(res);
    const body = req.body as { name: string; scopes: Scope[]; rateLimitPerSecond?: number };
    const created = await keys.create(actor, actor.tenantId, body);
    res.status(201).json({ ...view(created), key: created.key });
  });
  route(router, 'revokeApiKey', async (req, res) => {
    const actor = principalOf(res);
    const id = req.params.keyId as string;
    if (id === actor.keyId) throw ApiError.conflict('A key cannot revoke itself; use another admin key');
    await keys.revoke(actor, id);
    res.status(204).end();
  });
  return router;
}
