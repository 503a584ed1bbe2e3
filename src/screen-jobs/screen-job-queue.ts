import type { QueueBackend, QueueLike } from '../jobs/queue-backend.ts';
import { attemptsWithinADay } from '../webhooks/webhook-queue.ts';
import { SCREEN_JOBS_QUEUE, type ScreenJobTask } from './types.ts';

/** `run` screens a job's rows; `notify` delivers its callback notice. Job ids make a second enqueue a no-op. */
export function createScreenJobQueue(queues: QueueBackend, callbackRetryBaseMs: number) {
  const queue: QueueLike<ScreenJobTask> = queues.createQueue<ScreenJobTask>(SCREEN_JOBS_QUEUE);
  const notifyAttempts = attemptsWithinADay(callbackRetryBaseMs);
  return {
    notifyAttempts,
    async enqueue(jobId: string): Promise<void> {
      await queue.add(
        'run',
        { jobId },
        {
          jobId: `run-${jobId}`,
          // A crash or an outage mid-job: the rerun resumes after the last committed chunk.
          attempts: 5,
          backoff: { type: 'exponential', delay: 5000 },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        },
      );
    },
    async enqueueNotice(jobId: string): Promise<void> {
      await queue.add(
        'notify',
        { jobId },
        {
          jobId: `notify-${jobId}`,
          attempts: notifyAttempts,
          backoff: { type: 'exponential', delay: callbackRetryBaseMs },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        },
      );
    },
    close: () => queue.close(),
  };
}

export type ScreenJobQueue = ReturnType<typeof createScreenJobQueue>;
