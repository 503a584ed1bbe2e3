import type { QueueBackend, QueueLike } from '../../jobs/queue-backend.ts';

export const LIST_REFRESH_QUEUE = 'list-refresh';

/** Jobs carry the source id only; the job reads everything else from the database, so a rerun is harmless. */
export interface RefreshJob {
  sourceId: string;
}

const JOB_OPTIONS = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

export function createRefreshQueue(queues: QueueBackend) {
  const queue: QueueLike<RefreshJob> = queues.createQueue<RefreshJob>(LIST_REFRESH_QUEUE);
  return {
    /** At most one queued refresh per source: a second request while one waits is the same job. */
    async enqueue(sourceId: string): Promise<string> {
      const job = await queue.add(
        'refresh',
        { sourceId },
        { ...JOB_OPTIONS, deduplication: { id: `refresh:${sourceId}` } },
      );
      return job.id ?? `refresh:${sourceId}`;
    },
    async schedule(sourceIds: string[], everyMs: number): Promise<void> {
      for (const sourceId of sourceIds) {
        await queue.upsertJobScheduler(
          `refresh:${sourceId}`,
          { every: everyMs },
          { name: 'refresh', data: { sourceId }, opts: JOB_OPTIONS },
        );
      }
    },
    close: () => queue.close(),
  };
}

export type RefreshQueue = ReturnType<typeof createRefreshQueue>;
