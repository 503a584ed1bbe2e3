import type { Config } from '../config.ts';
import type { Pool } from '../db/pool.ts';
import type { Spec } from '../http/openapi-spec.ts';
import type { QueueBackend } from '../jobs/queue-backend.ts';
import type { Logger } from '../logger.ts';
import type { ScreeningService } from '../screening/screening-service.ts';
import { deliverNotice } from './deliver-notice.ts';
import { createJobRunner, type JobRunner } from './run-screen-job.ts';
import { createScreenJobQueue, type ScreenJobQueue } from './screen-job-queue.ts';
import { createScreenJobService, type ScreenJobService } from './screen-job-service.ts';

export interface ScreenJobsModule {
  service: ScreenJobService;
  queue: ScreenJobQueue;
  runner: JobRunner;
  /** The `screen-jobs` queue's processor: `run` screens rows, `notify` delivers the callback. */
  process(job: {
    name: string;
    data: { jobId: string };
    attemptsMade: number;
    opts: { attempts?: number };
  }): Promise<unknown>;
  close(): Promise<void>;
}

export function createScreenJobsModule(d: {
  config: Config;
  pool: Pool;
  spec: Spec;
  queues: QueueBackend;
  screening: ScreeningService;
  log: Logger;
}): ScreenJobsModule {
  const queue = createScreenJobQueue(d.queues, d.config.webhookRetryBaseMs);
  const outbound = { allowPrivate: d.config.outboundAllowPrivate };
  const service = createScreenJobService({
    pool: d.pool,
    queue,
    maxBytes: d.config.screenJobMaxBytes,
    outbound,
  });
  const runner = createJobRunner({ pool: d.pool, spec: d.spec, screening: d.screening, queue, log: d.log });
  const noticeDeps = { store: service.store, timeoutMs: d.config.webhookTimeoutMs, log: d.log, outbound };
  return {
    service,
    queue,
    runner,
    async process(job) {
      const isLast = job.attemptsMade + 1 >= Number(job.opts.attempts ?? 1);
      if (job.name === 'notify') return deliverNotice(noticeDeps, job.data.jobId, isLast);
      try {
        return await runner.run(job.data.jobId);
      } catch (err) {
        // Out of retries: the job is failed for the client to see; committed rows keep their results.
        if (isLast)
          await service.store.finish(job.data.jobId, 'failed', (err as Error).message.slice(0, 500));
        throw err;
      }
    },
    close: () => queue.close(),
  };
}
