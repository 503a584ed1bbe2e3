import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface Database {
  url: string;
  mode: 'external' | 'embedded';
  stop(): Promise<void>;
  /**
   * Called once if the embedded PostgreSQL this process runs exits under it. Never for DATABASE_URL or a joined
   * embedded database: a server we do not run comes back on its own, and the pool reconnects.
   */
  onLost(listener: (reason: string) => void): void;
}

export interface OpenOptions {
  /**
   * When another live tradescreen owns DATA_DIR's embedded PostgreSQL: join it as a client (operator commands
   * such as tenant:create, which must work beside a running service) instead of refusing (the default).
   */
  joinRunningEmbedded?: boolean;
}

/** DATABASE_URL when set; otherwise a real PostgreSQL embedded in DATA_DIR, with the same SQL and migrations. */
export async function openDatabase(config: Config, log: Logger, opts: OpenOptions = {}): Promise<Database> {
  if (config.databaseUrl)
    return { url: config.databaseUrl, mode: 'external', stop: async () => {}, onLost: () => {} };
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log, {
    joinRunning: opts.joinRunningEmbedded ?? false,
  });
  return { url: embedded.url, mode: 'embedded', stop: embedded.stop, onLost: embedded.onLost };
}
