import type { Config } from '../config.ts';
import type { Pool } from '../db/pool.ts';
import type { QueueBackend } from '../jobs/queue-backend.ts';
import type { Logger } from '../logger.ts';
import type { DeliverDeps } from './deliver.ts';
import { createWebhookQueue, type WebhookQueue } from './webhook-queue.ts';
import { createWebhookService, type WebhookService } from './webhook-service.ts';

export interface WebhooksModule {
  service: WebhookService;
  queue: WebhookQueue;
  deliverDeps: DeliverDeps;
  close(): Promise<void>;
}

export function createWebhooksModule(d: {
  config: Config;
  pool: Pool;
  queues: QueueBackend;
  log: Logger;
}): WebhooksModule {
  const queue = createWebhookQueue(d.queues, d.config.webhookRetryBaseMs);
  const outbound = { allowPrivate: d.config.outboundAllowPrivate };
  const service = createWebhookService({ pool: d.pool, queue, log: d.log, outbound });
  return {
    service,
    queue,
    deliverDeps: { store: service.store, timeoutMs: d.config.webhookTimeoutMs, log: d.log, outbound },
    close: () => queue.close(),
  };
}
