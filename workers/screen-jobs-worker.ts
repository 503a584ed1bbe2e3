import type { Container } from '../src/container.ts';
import { SCREEN_JOBS_QUEUE, type ScreenJobTask } from '../src/screen-jobs/types.ts';

/** Wires the screen-jobs queue to the module's processor; a failed attempt throws so BullMQ retries. */
export function startScreenJobsWorker(c: Container) {
  const worker = c.queues.createWorker<ScreenJobTask>(SCREEN_JOBS_QUEUE, (job) =>
    c.screenJobs.process({
      name: job.name,
      data: job.data,
      attemptsMade: job.attemptsMade,
      opts: { attempts: job.opts.attempts },
    }),
  );
  worker.on('error', (err) => c.log.error({ err }, 'screen-jobs worker error'));
  worker.on('failed', (_job, err) =>
    c.log.warn({ err: (err as Error)?.message }, 'screen job attempt failed; will retry'),
  );
  return worker;
}
