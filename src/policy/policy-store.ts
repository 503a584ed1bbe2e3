import type { PoolClient, Queryable } from '../db/pool.ts';
import type { Policy, PolicySettings } from './policy.ts';

export function createPolicyStore(db: Queryable) {
  return {
    async current(tenantId: string): Promise<Policy | undefined> {
      const { rows } = await db.query(
        `SELECT version, settings, created_at FROM policies WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
        [tenantId],
      );
      const r = rows[0];
      // Versions stored before `excludableLists` existed read as protecting every list: the safe reading,
      // and the one a tenant gets until an admin opens a list explicitly.
      if (!r) return undefined;
      const settings = r.settings as Omit<
        PolicySettings,
        'excludableLists' | 'jurisdictions' | 'reviewSlaHours'
      > &
        Partial<Pick<PolicySettings, 'excludableLists' | 'jurisdictions' | 'reviewSlaHours'>>;
      return {
        ...settings,
        excludableLists: settings.excludableLists ?? [],
        // Versions stored before `jurisdictions` existed declared none: the exporter decides, or every regime.
        jurisdictions: settings.jurisdictions ?? [],
        // Versions stored before the triage queue's SLA existed: the default working day.
        reviewSlaHours: settings.reviewSlaHours ?? 24,
        version: r.version,
        createdAt: r.created_at,
      };
    },

    async insertNext(
      client: PoolClient,
      tenantId: string,
      settings: PolicySettings,
      actor: string | null,
    ): Promise<Policy> {
      const { rows } = await client.query(
        `INSERT INTO policies (tenant_id, version, settings, created_by)
         SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM policies WHERE tenant_id = $1
         RETURNING version, created_at`,
        [tenantId, JSON.stringify(settings), actor],
      );
      return { ...settings, version: rows[0].version, createdAt: rows[0].created_at };
    },

    async lockTenant(client: PoolClient, tenantId: string): Promise<void> {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('policy:' || $1))`, [tenantId]);
    },
  };
}
