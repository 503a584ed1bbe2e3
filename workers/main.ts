import { loadConfigOrExit } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { DataDirInUse } from '../src/db/embedded-postgres.ts';
import { createLogger } from '../src/logger.ts';
import { startWorkers } from './start-workers.ts';

const config = loadConfigOrExit();
const log = createLogger(config.logLevel);
const container = await createContainer(config, log).catch((err) => {
  // DATA_DIR's embedded database belongs to a running service: its in-process workers already run there.
  if (!(err instanceof DataDirInUse)) throw err;
  log.fatal(err.message);
  process.exit(1);
});
await startWorkers(container);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'worker shutting down: finishing the current jobs');
  await container.close();
  process.exit(0);
};
container.database.onLost(() => {
  if (stopping) return;
  log.fatal('the embedded PostgreSQL stopped under the worker; exiting');
  process.exit(1);
});
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
