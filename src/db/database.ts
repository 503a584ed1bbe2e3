import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface Database {
  url: string;
  mode: 'external' | 'embedded';
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise a real PostgreSQL embedded in DATA_DIR, with the same SQL and migrations. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, mode: 'external', stop: async () => {} };
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  return { url: embedded.url, mode: 'embedded', stop: embedded.stop };
}
