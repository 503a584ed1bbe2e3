import { Router } from 'express';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { DashboardService } from './dashboard-service.ts';

export function dashboardRoutes(route: RouteRegistrar, dashboard: DashboardService): Router {
  const router = Router();
  route(router, 'getDashboard', async (req, res) => {
    // Validated against the contract (1..366, default 30) before it gets here.
    const days = Number((req.query as Record<string, unknown>).days ?? 30);
    res.json(await dashboard.get(principalOf(res).tenantId, days));
  });
  return router;
}
