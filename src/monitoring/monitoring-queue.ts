import type { Pool } from '../db/pool.ts';
import type { QueueBackend, QueueLike } from '../jobs/queue-backend.ts';
import type { MonitorJob } from './monitor-version.ts';
import { createMonitoringRunStore } from './monitoring-run-store.ts';

export const MONITORING_QUEUE = 'monitoring';

const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

/** BullMQ job ids may not contain ':' (as in custom:<id>); this one is stable per (source, version). */
export const monitorJobId = (j: MonitorJob) =>
  `monitor-${j.sourceId.replace(/[^A-Za-z0-9_-]/g, '_')}-v${j.version}`;

export function createMonitoringQueue(queues: QueueBackend, pool: Pool) {
  const queue: QueueLike<MonitorJob> = queues.createQueue<MonitorJob>(MONITORING_QUEUE);
  const runs = createMonitoringRunStore(pool);
  return {
    async enqueue(job: MonitorJob): Promise<void> {
      await queue.add('monitor', job, { ...JOB_OPTIONS, jobId: monitorJobId(job) });
    },
    /**
     * Enqueues every activated version not yet monitored. Called on each activation notice and at worker start:
     * a notice missed while no worker listened is caught up, and the job id makes repeats harmless.
     */
    async sweep(): Promise<number> {
      const pending = await runs.unmonitored(500);
      for (const job of pending) await this.enqueue(job);
      return pending.length;
    },
    close: () => queue.close(),
  };
}

export type MonitoringQueue = ReturnType<typeof createMonitoringQueue>;
