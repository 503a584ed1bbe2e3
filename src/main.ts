import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { loadConfigOrExit } from './config.ts';
import { createContainer } from './container.ts';
import { DataDirInUse } from './db/embedded-postgres.ts';
import { tuneGarbageCollector } from './gc-tuning.ts';
import { createHttpServer } from './http/http-server.ts';
import { createLogger } from './logger.ts';
import { startupSummary } from './ops/startup-summary.ts';

tuneGarbageCollector();
const config = loadConfigOrExit();

const log = createLogger(config.logLevel);
let stopping = false;
const container = await createContainer(config, log).catch((err) => {
  // Another service owns DATA_DIR's embedded database: say so in one line, not a stack trace.
  if (!(err instanceof DataDirInUse)) throw err;
  log.fatal(err.message);
  process.exit(1);
});
const app = createApp(container);
if (config.runWorkers) {
  const { startWorkers } = await import('../workers/start-workers.ts');
  await startWorkers(container);
}

const server: Server = createHttpServer(app);
server.keepAliveTimeout = 65_000;
// Our embedded PostgreSQL gone (killed, crashed) would leave us answering 503 forever. Exit non-zero instead: a
// supervisor restarts the service, which takes the data directory over and starts PostgreSQL again.
container.database.onLost((reason) => {
  if (stopping) return;
  log.fatal({ reason }, 'the embedded PostgreSQL stopped under the running service; exiting');
  void shutdown('database lost', 1);
});
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
  const summary = startupSummary({
    baseUrl: `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`,
    sources: container.lists.catalog.sources,
    loaded: new Set(container.lists.active.current().versions.keys()),
    bootstrapKey: config.adminKey !== undefined,
  });
  for (const line of summary) log.info(line);
});

async function shutdown(signal: string, exitCode = 0) {
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
  process.exit(exitCode);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
