import type { RowCheck } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import type { QueueBackend } from '../jobs/queue-backend.ts';
import type { ListsModule } from '../lists/lists-module.ts';
import type { Logger } from '../logger.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import type { WatchlistStore } from '../watchlists/watchlist-store.ts';
import type { WebhookService } from '../webhooks/webhook-service.ts';
import { createAlertReviewCheck } from './alert-review-verify.ts';
import type { MonitorDeps } from './monitor-version.ts';
import { createMonitoringQueue, type MonitoringQueue } from './monitoring-queue.ts';
import { createMonitoringService, type MonitoringService } from './monitoring-service.ts';

export interface MonitoringModule {
  service: MonitoringService;
  queue: MonitoringQueue;
  monitorDeps: MonitorDeps;
  /** GET /audit/verify's check of alert_reviews (a fresh one per walk). */
  alertReviewCheck: () => RowCheck;
  close(): Promise<void>;
}

/**
 * Ongoing monitoring. Parties screened with `options.monitor` are registered in the screening's own statement
 * through this module's store (src/writes/screening-write.ts).
 */
export function createMonitoringModule(d: {
  pool: Pool;
  queues: QueueBackend;
  lists: ListsModule;
  watchlists: WatchlistStore;
  policies: PolicyService;
  webhooks: WebhookService;
  log: Logger;
}): MonitoringModule {
  const service = createMonitoringService(d.pool, d.webhooks);
  const queue = createMonitoringQueue(d.queues, d.pool);
  return {
    service,
    queue,
    monitorDeps: {
      pool: d.pool,
      versions: d.lists.store,
      watchlists: d.watchlists,
      policies: d.policies,
      webhooks: d.webhooks,
      isControlList: d.lists.catalog.isControlList,
      sourceTitle: (id) =>
        d.lists.catalog.get(id)?.title ?? (id.startsWith('custom:') ? 'own watchlist' : id),
      log: d.log,
    },
    alertReviewCheck: () => createAlertReviewCheck(d.pool),
    close: () => queue.close(),
  };
}
