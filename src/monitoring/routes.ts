import { Router } from 'express';
import type { Party } from '../contract/screening-types.ts';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { MonitoringService, ReviewInput } from './monitoring-service.ts';

export function monitoringRoutes(route: RouteRegistrar, monitoring: MonitoringService): Router {
  const router = Router();
  route(router, 'listMonitoredParties', async (_req, res) => {
    res.json({ items: await monitoring.listParties(principalOf(res)) });
  });
  route(router, 'createMonitoredParty', async (req, res) => {
    res.status(201).json(await monitoring.register(principalOf(res), req.body as Party));
  });
  route(router, 'deleteMonitoredParty', async (req, res) => {
    await monitoring.removeParty(principalOf(res), req.params.partyId as string);
    res.status(204).end();
  });
  route(router, 'listAlerts', async (req, res) => {
    res.json({ items: await monitoring.listAlerts(principalOf(res), Number(req.query.limit ?? 100)) });
  });
  route(router, 'createAlertReview', async (req, res) => {
    const review = await monitoring.review(
      principalOf(res),
      req.params.alertId as string,
      req.body as ReviewInput,
    );
    res.status(201).json(review);
  });
  return router;
}
