import { Router } from 'express';
import { ApiError } from '../http/api-error.ts';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { KeyInput, KeyService } from './key-service.ts';
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
  person: k.person,
});

export function keyRoutes(route: RouteRegistrar, keys: KeyService): Router {
  const router = Router();
  route(router, 'getCurrentKey', (_req, res) => {
    const p = principalOf(res);
    // person only when the key has one: a service key's answer stays what it was before named reviewers.
    res.json({
      keyId: p.keyId,
      tenantId: p.tenantId,
      scopes: p.scopes,
      ...(p.person ? { person: p.person } : {}),
    });
  });
  route(router, 'listApiKeys', async (_req, res) => {
    const items = await keys.list(principalOf(res).tenantId);
    res.json({ items: items.map(view) });
  });
  route(router, 'createApiKey', async (req, res) => {
    const actor = principalOf(res);
    const created = await keys.create(actor, actor.tenantId, req.body as KeyInput);
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
