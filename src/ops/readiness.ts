import { pendingMigrations } from '../db/migrate.ts';
import type { Pool } from '../db/pool.ts';

export interface Check {
  name: string;
  ok: boolean;
  /** Serving, but with a problem an operator should act on (named in `detail`). */
  degraded?: boolean;
  detail?: string;
}

export type ReadinessCheck = () => Promise<Check>;

export function databaseChecks(pool: Pool): ReadinessCheck[] {
  return [
    async () => {
      try {
        await pool.query('SELECT 1');
        return { name: 'database', ok: true };
      } catch (err) {
        return { name: 'database', ok: false, detail: (err as Error).message };
      }
    },
    async () => {
      try {
        const pending = await pendingMigrations(pool);
        return pending.length === 0
          ? { name: 'migrations', ok: true }
          : { name: 'migrations', ok: false, detail: `pending: ${pending.join(', ')}` };
      } catch (err) {
        return { name: 'migrations', ok: false, detail: (err as Error).message };
      }
    },
  ];
}
