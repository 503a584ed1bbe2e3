import type { Container } from '../src/container.ts';
import { startListRefreshWorker } from './list-refresh-worker.ts';
import { startMonitoringWorker } from './monitoring-worker.ts';
import { startScreenJobsWorker } from './screen-jobs-worker.ts';
import { startWebhookWorker } from './webhook-worker.ts';

/**
 * Starts every worker and the job schedulers. Used by `npm run worker` in production and by the API process
 * itself when RUN_WORKERS=true (the embedded default): the same job code either way.
 */
export async function startWorkers(c: Container): Promise<void> {
  const workers = [
    startListRefreshWorker(c),
    startMonitoringWorker(c),
    startWebhookWorker(c),
    startScreenJobsWorker(c),
  ];
  const ids = c.lists.catalog.sources.map((s) => s.id);
  await c.lists.queue.schedule(ids, c.config.listRefreshIntervalMs);
  // A source that has never been loaded is refreshed now, not in six hours.
  for (const id of ids) {
    if (!(await c.lists.store.active(id))) await c.lists.queue.enqueue(id);
  }
  c.onClose(async () => {
    await Promise.all(workers.map((w) => w.close()));
  });
  c.log.info({ sources: ids }, 'workers started');
}
