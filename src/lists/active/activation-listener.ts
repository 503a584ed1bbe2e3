import pg from 'pg';
import type { Logger } from '../../logger.ts';
import { LIST_ACTIVATED_CHANNEL } from '../refresh/activate-version.ts';

/**
 * Hears activations from any process (API, worker) through PostgreSQL LISTEN/NOTIFY — one mechanism for both
 * the embedded and the Redis deployment — and calls `onActivated`. A periodic reconcile covers notifications
 * lost while the listening connection was down.
 */
export function listenForActivations(
  url: string,
  log: Logger,
  onActivated: () => void,
  reconcileMs = 30_000,
): { close(): Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  const timer = setInterval(onActivated, reconcileMs);
  timer.unref();

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => {});
    c.on('end', () => {
      if (!closed) setTimeout(connect, 1000).unref();
    });
    c.on('notification', (msg) => {
      if (msg.channel === LIST_ACTIVATED_CHANNEL) onActivated();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LIST_ACTIVATED_CHANNEL}`);
      client = c;
      onActivated(); // catch up with anything activated while we were not listening
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'list activation listener could not connect; retrying');
      await c.end().catch(() => {});
    }
  };
  void connect();

  return {
    async close() {
      closed = true;
      clearInterval(timer);
      await client?.end().catch(() => {});
    },
  };
}
