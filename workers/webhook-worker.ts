import type { Container } from '../src/container.ts';
import { deliverWebhook } from '../src/webhooks/deliver.ts';
import { WEBHOOK_QUEUE, type WebhookJob } from '../src/webhooks/webhook-queue.ts';

/** Wires the webhook queue to deliverWebhook; a failed attempt throws so BullMQ retries with backoff. */
export function startWebhookWorker(c: Container) {
  const worker = c.queues.createWorker<WebhookJob>(
    WEBHOOK_QUEUE,
    (job) => {
      const attempts = Number(job.opts.attempts ?? 1);
      return deliverWebhook(c.webhooks.deliverDeps, job.data.deliveryId, job.attemptsMade + 1 >= attempts);
    },
    { concurrency: 4 },
  );
  worker.on('error', (err) => c.log.error({ err }, 'webhook worker error'));
  worker.on('failed', (_job, err) =>
    c.log.warn({ err: (err as Error)?.message }, 'webhook delivery failed; will retry'),
  );
  // Deliveries written but never enqueued (a crash right after COMMIT) go out now.
  c.webhooks.service.sweep().catch((err) => c.log.error({ err }, 'webhook sweep failed'));
  return worker;
}
