import type { Queryable } from '../db/pool.ts';

/** Which activated list versions have been monitored: the outbox the sweep reads. */
export function createMonitoringRunStore(db: Queryable) {
  return {
    async unmonitored(limit: number): Promise<{ sourceId: string; version: number }[]> {
      const { rows } = await db.query(
        `SELECT v.source_id, v.version FROM list_versions v
         WHERE v.activated_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM monitoring_runs r WHERE r.source_id = v.source_id AND r.version = v.version)
         ORDER BY v.activated_at LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({ sourceId: r.source_id, version: r.version }));
    },

    async finished(sourceId: string, version: number): Promise<boolean> {
      const { rowCount } = await db.query(
        `SELECT 1 FROM monitoring_runs WHERE source_id = $1 AND version = $2`,
        [sourceId, version],
      );
      return rowCount === 1;
    },

    async activatedAt(sourceId: string, version: number): Promise<string | null> {
      const { rows } = await db.query<{ activated_at: string | null }>(
        `SELECT activated_at FROM list_versions WHERE source_id = $1 AND version = $2`,
        [sourceId, version],
      );
      return rows[0]?.activated_at ?? null;
    },

    /** The version this one replaced: the latest earlier one that was ever in force (quarantined ones never were). */
    async previousActivated(sourceId: string, version: number): Promise<number | null> {
      const { rows } = await db.query<{ v: number | null }>(
        `SELECT max(version) AS v FROM list_versions
         WHERE source_id = $1 AND version < $2 AND activated_at IS NOT NULL`,
        [sourceId, version],
      );
      return rows[0]?.v ?? null;
    },

    async markFinished(sourceId: string, version: number, parties: number, alerts: number): Promise<void> {
      await db.query(
        `INSERT INTO monitoring_runs (source_id, version, parties, alerts) VALUES ($1, $2, $3, $4)
         ON CONFLICT (source_id, version) DO NOTHING`,
        [sourceId, version, parties, alerts],
      );
    },
  };
}
