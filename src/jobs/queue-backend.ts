import {
  createPostgresBackend,
  type Processor,
  type QueueOptions,
  Queue as RedisQueue,
  Worker as RedisWorker,
  type WorkerOptions,
  withBackend,
} from 'bullmq';
import { Redis } from 'ioredis';

/**
 * BullMQ on Redis when REDIS_URL is set, otherwise BullMQ's own PostgreSQL backend on the same database:
 * the same queues, job schedulers and worker code either way, so embedded mode is not a second code path.
 */
export interface QueueBackend {
  mode: 'redis' | 'postgres';
  createQueue<D>(name: string): QueueLike<D>;
  createWorker<D>(name: string, processor: Processor<D>, opts?: { concurrency?: number }): WorkerLike;
  /** A connection for pub/sub announcements (Redis mode only). */
  redis: Redis | undefined;
  close(): Promise<void>;
}

export interface QueueLike<D> {
  add(name: string, data: D, opts?: Record<string, unknown>): Promise<{ id?: string | undefined }>;
  upsertJobScheduler(
    id: string,
    repeat: { every: number },
    template: { name: string; data: D; opts?: Record<string, unknown> },
  ): Promise<unknown>;
  close(): Promise<void>;
}

export interface WorkerLike {
  on(event: 'error' | 'failed' | 'completed', listener: (...args: unknown[]) => void): unknown;
  close(): Promise<void>;
}

export function createQueueBackend(opts: {
  redisUrl?: string | undefined;
  databaseUrl: string;
  prefix: string;
}): QueueBackend {
  if (opts.redisUrl) {
    const url = opts.redisUrl;
    // BullMQ does not close connections it was handed: we track ours and close them ourselves.
    const opened: Redis[] = [];
    // Workers block on Redis: BullMQ's production guide requires maxRetriesPerRequest: null for them.
    const connection = () => {
      const c = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
      c.on('error', () => {});
      opened.push(c);
      return c;
    };
    const shared = connection();
    return {
      mode: 'redis',
      redis: shared,
      createQueue: <D>(name: string) =>
        new RedisQueue<D>(name, {
          connection: shared,
          prefix: opts.prefix,
        } as QueueOptions) as unknown as QueueLike<D>,
      createWorker: <D>(name: string, processor: Processor<D>, o?: { concurrency?: number }) => {
        const own = connection();
        const worker = new RedisWorker<D>(name, processor, {
          connection: own,
          prefix: opts.prefix,
          concurrency: o?.concurrency ?? 1,
        } as WorkerOptions);
        // BullMQ treats a passed ioredis instance as shared and never closes it: without this, a closed worker
        // keeps its connection (and the process) alive.
        return {
          on: (event, listener) => worker.on(event as 'error', listener as never),
          close: async () => {
            await worker.close();
            own.disconnect();
          },
        };
      },
      close: async () => {
        for (const c of opened) c.disconnect();
      },
    };
  }
  const { Queue, Worker } = withBackend(createPostgresBackend);
  // A bare URL makes the backend loop; it needs the config-object form with migrate: true.
  const connection = { connectionString: opts.databaseUrl, migrate: true, schema: 'bullmq' };
  return {
    mode: 'postgres',
    redis: undefined,
    createQueue: <D>(name: string) => new Queue<D>(name, { connection }) as unknown as QueueLike<D>,
    createWorker: <D>(name: string, processor: Processor<D>, o?: { concurrency?: number }) =>
      new Worker<D>(name, processor as never, {
        connection,
        concurrency: o?.concurrency ?? 1,
      }) as unknown as WorkerLike,
    close: async () => {},
  };
}
