import type { QueueBackend, QueueLike } from '../jobs/queue-backend.ts';

export const WEBHOOK_QUEUE = 'webhooks';

/** The job names the delivery row only: the body, the URL and the secret are read when it runs. */
export interface WebhookJob {
  deliveryId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Attempts such that the exponential retries (base, 2·base, 4·base…) all fall within 24 hours of the first. */
export function attemptsWithinADay(baseMs: number): number {
  const retries = Math.floor(Math.log2(DAY_MS / baseMs + 1));
  return retries + 1;
}

export function createWebhookQueue(queues: QueueBackend, retryBaseMs: number) {
  const queue: QueueLike<WebhookJob> = queues.createQueue<WebhookJob>(WEBHOOK_QUEUE);
  const attempts = attemptsWithinADay(retryBaseMs);
  return {
    attempts,
    /** The job id is the delivery id: enqueueing a delivery twice (sweep after a crash) runs it once. */
    async enqueue(deliveryId: string): Promise<void> {
      await queue.add(
        'deliver',
        { deliveryId },
        {
          jobId: deliveryId,
          attempts,
          backoff: { type: 'exponential', delay: retryBaseMs },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        },
      );
    },
    close: () => queue.close(),
  };
}

export type WebhookQueue = ReturnType<typeof createWebhookQueue>;
