import { Router } from 'express';
import type { Pool } from '../db/pool.ts';
import type { RouteRegistrar } from '../http/operation.ts';
import { listOperatorEvents, verifyOperatorChain } from './operator-audit.ts';

/** The operator plane's own audit routes (x-scope: operator, which no tenant key can hold). */
export function operatorRoutes(route: RouteRegistrar, deps: { pool: Pool }): Router {
  const router = Router();
  route(router, 'listOperatorAuditEvents', async (req, res) => {
    const limit = Number(req.query.limit ?? 100);
    const events = await listOperatorEvents(deps.pool, limit);
    res.json({
      items: events.map((e) => ({
        seq: e.seq,
        actor: e.actor,
        type: e.type,
        occurredAt: e.occurredAt,
        payload: e.payload,
        hash: e.hash,
      })),
    });
  });
  route(router, 'verifyOperatorAuditChain', async (_req, res) => {
    res.json(await verifyOperatorChain(deps.pool));
  });
  return router;
}
