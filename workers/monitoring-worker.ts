import type { Container } from '../src/container.ts';
import { listenForActivations } from '../src/lists/active/activation-listener.ts';
import type { MonitorJob } from '../src/monitoring/monitor-version.ts';
import { monitorVersion } from '../src/monitoring/monitor-version.ts';
import { MONITORING_QUEUE } from '../src/monitoring/monitoring-queue.ts';

/**
 * Wires the monitoring queue to monitorVersion, and every activation notice (plus a periodic reconcile) to the
 * sweep that enqueues activated versions not yet monitored.
 */
export function startMonitoringWorker(c: Container) {
  const worker = c.queues.createWorker<MonitorJob>(MONITORING_QUEUE, (job) =>
    monitorVersion(c.monitoring.monitorDeps, job.data),
  );
  worker.on('error', (err) => c.log.error({ err }, 'monitoring worker error'));
  worker.on('failed', (_job, err) =>
    c.log.warn({ err: (err as Error)?.message }, 'monitoring run failed; will retry'),
  );
  const sweep = () => {
    c.monitoring.queue.sweep().catch((err) => c.log.error({ err }, 'monitoring sweep failed'));
  };
  const listener = listenForActivations(c.database.url, c.log, sweep);
  return {
    async close() {
      await listener.close();
      await worker.close();
    },
  };
}
