import { Router } from 'express';
import type { HttpMetrics } from '../http/metrics.ts';
import type { RouteRegistrar } from '../http/operation.ts';
import { metricsAccess } from './metrics-access.ts';
import type { ReadinessCheck } from './readiness.ts';

export function opsRoutes(
  route: RouteRegistrar,
  deps: { metrics: HttpMetrics; readiness: ReadinessCheck[]; metricsToken: string | undefined },
): Router {
  const router = Router();
  route(router, 'getHealth', (_req, res) => {
    res.json({ status: 'ok' });
  });
  route(router, 'getReadiness', async (_req, res) => {
    const checks = await Promise.all(deps.readiness.map((check) => check()));
    const ready = checks.every((c) => c.ok);
    const degraded = checks.some((c) => c.degraded === true);
    res.status(ready ? 200 : 503).json({ ready, ...(degraded ? { degraded } : {}), checks });
  });
  const checkMetricsAccess = metricsAccess(deps.metricsToken);
  route(router, 'getMetrics', async (req, res) => {
    checkMetricsAccess(req.headers.authorization);
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
