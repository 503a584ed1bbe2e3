import type { Container } from '../src/container.ts';
import { LIST_REFRESH_QUEUE, type RefreshJob } from '../src/lists/refresh/refresh-queue.ts';
import { refreshSource } from '../src/lists/refresh/refresh-source.ts';

/** Wires the list-refresh queue to refreshSource; a failed attempt throws so BullMQ retries with backoff. */
export function startListRefreshWorker(c: Container) {
  const worker = c.queues.createWorker<RefreshJob>(LIST_REFRESH_QUEUE, async (job) => {
    const source = c.lists.catalog.get(job.data.sourceId);
    if (!source) return { outcome: 'unknown source' };
    const result = await refreshSource(c.lists.refreshDeps, source);
    if (result.outcome === 'failed') throw new Error(result.detail ?? 'refresh failed');
    return result;
  });
  worker.on('error', (err) => c.log.error({ err }, 'list-refresh worker error'));
  worker.on('failed', (_job, err) =>
    c.log.warn({ err: (err as Error)?.message }, 'list refresh failed; will retry'),
  );
  return worker;
}
