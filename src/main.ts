import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { loadConfigOrExit } from './config.ts';
import { createContainer } from './container.ts';
import { tuneGarbageCollector } from './gc-tuning.ts';
import { createHttpServer } from './http/http-server.ts';
import { createLogger } from './logger.ts';

tuneGarbageCollector();
const config = loadConfigOrExit();

const log = createLogger(config.logLevel);
const container = await createContainer(config, log);
const app = createApp(container);
if (config.runWorkers) {
  const { startWorkers } = await import('../workers/start-workers.ts');
  await startWorkers(container);
}

const server: Server = createHttpServer(app);
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host, () => {
  log.info(
    {
      port: config.port,
      database:
        container.database.mode === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL',
      queues:
        container.queues.mode === 'redis'
          ? 'BullMQ on Redis (REDIS_URL)'
          : 'BullMQ on PostgreSQL (no REDIS_URL)',
      workers: config.runWorkers ? 'in this process' : 'separate (npm run worker)',
    },
    `tradescreen listening on :${config.port}`,
  );
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
  const force = setTimeout(() => {
    log.error('shutdown timed out; exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  force.unref();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await container.close();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
