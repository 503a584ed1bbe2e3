import { loadConfigOrExit } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { createLogger } from '../src/logger.ts';
import { startWorkers } from './start-workers.ts';

const config = loadConfigOrExit();
const log = createLogger(config.logLevel);
const container = await createContainer(config, log);
await startWorkers(container);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'worker shutting down: finishing the current jobs');
  await container.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
