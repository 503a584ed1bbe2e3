import express, { type Express } from 'express';
import helmet from 'helmet';
import { auditRoutes } from './audit/routes.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { keyRoutes } from './auth/routes.ts';
import { consoleRoutes } from './console/routes.ts';
import type { Container } from './container.ts';
import { createDashboardService } from './dashboard/dashboard-service.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { docsRoutes } from './docs/routes.ts';
import { goodsRoutes } from './goods/routes.ts';
import { snapshotRules } from './goods/snapshot-rules.ts';
import { goodsTableRoutes } from './goods-tables/routes.ts';
import { ApiError } from './http/api-error.ts';
import { errorHandler } from './http/error-handler.ts';
import { createRouteRegistrar } from './http/operation.ts';
import { requestContext } from './http/request-context.ts';
import { licenceRoutes } from './licences/routes.ts';
import { listRoutes } from './lists/routes.ts';
import { monitoringRoutes } from './monitoring/routes.ts';
import { operatorRoutes } from './operator/routes.ts';
import { opsRoutes } from './ops/routes.ts';
import { queueRoutes } from './reviews/queue-routes.ts';
import { reviewRoutes } from './reviews/routes.ts';
import { screenJobRoutes } from './screen-jobs/routes.ts';
import { screeningRoutes } from './screening/routes.ts';
import { watchlistRoutes } from './watchlists/routes.ts';
import { webhookRoutes } from './webhooks/routes.ts';

/** Builds the HTTP app from a container; main.ts listens on it, tests drive it in-process with supertest. */
export function createApp(c: Container): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // API answers are computed per request and never conditional: hashing every body for an ETag is wasted work.
  app.set('etag', false);
  app.use(
    helmet({
      // Plain-HTTP deployments behind a TLS proxy must still load /docs assets: no upgrade-insecure-requests.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'upgrade-insecure-requests': null } },
    }),
  );
  app.use(requestContext(c.log, c.metrics));

  const route = createRouteRegistrar({
    spec: c.spec,
    authenticate: createAuthenticator({ keys: c.keys, rateLimiter: c.rateLimiter }),
    bodyLimitBytes: c.config.bodyLimitBytes,
  });
  // Screening early: every request walks the routers in order, and POST /screen is nearly all the traffic.
  // The audit routes stay before it: /screenings/export must not be taken for a screening id.
  app.use(auditRoutes(route, { pool: c.pool, verify: c.auditVerify }));
  app.use(
    screeningRoutes(route, {
      spec: c.spec,
      screening: c.screening,
      policies: c.policies,
      reviewState: (tenantId, result) => c.reviews.reviews.stateOf(tenantId, result),
    }),
  );
  app.use(
    opsRoutes(route, { metrics: c.metrics, readiness: c.readiness, metricsToken: c.config.metricsToken }),
  );
  app.use(docsRoutes());
  app.use(consoleRoutes());
  app.use(keyRoutes(route, c.keys));
  app.use(listRoutes(route, c.lists.service, (p, source, entry) => c.watchlists.entry(p, source, entry)));
  app.use(operatorRoutes(route, { pool: c.pool }));
  app.use(dashboardRoutes(route, createDashboardService({ pool: c.pool, lists: c.lists.service })));
  app.use(screenJobRoutes(route, c.screenJobs.service, c.config.screenJobMaxBytes));
  app.use(reviewRoutes(route, c.reviews));
  app.use(queueRoutes(route, c.reviews.queue));
  app.use(watchlistRoutes(route, c.watchlists));
  app.use(monitoringRoutes(route, c.monitoring.service));
  app.use(webhookRoutes(route, c.webhooks.service));
  app.use(licenceRoutes(route, c.licences.service));
  app.use(goodsRoutes(route, () => snapshotRules(c.lists.active.current())));
  app.use(goodsTableRoutes(route, c.goodsTables.service));

  app.use((req) => {
    throw ApiError.notFound(`No route for ${req.method} ${req.path}`);
  });
  app.use(errorHandler(c.log));
  return app;
}
