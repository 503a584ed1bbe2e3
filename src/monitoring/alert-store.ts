import type { Finding } from '../contract/screening-types.ts';
import type { PoolClient, Queryable } from '../db/pool.ts';

export interface AlertRow {
  id: string;
  tenantId: string;
  partyId: string;
  sourceId: string;
  listVersion: number;
  entryId: string;
  finding: Finding;
  createdAt: string;
  /** The latest review's disposition, if any. */
  lastDisposition: string | null;
}

const SELECT = `SELECT a.id, a.tenant_id, a.party_id, a.source_id, a.list_version, a.entry_id, a.finding, a.created_at,
    (SELECT r.disposition FROM alert_reviews r WHERE r.alert_id = a.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1)
      AS last_disposition
  FROM alerts a`;

const toRow = (r: Record<string, unknown>): AlertRow => ({
  id: r.id as string,
  tenantId: r.tenant_id as string,
  partyId: r.party_id as string,
  sourceId: r.source_id as string,
  listVersion: r.list_version as number,
  entryId: r.entry_id as string,
  finding: r.finding as Finding,
  createdAt: r.created_at as string,
  lastDisposition: (r.last_disposition as string | null) ?? null,
});

export function createAlertStore(db: Queryable) {
  return {
    /** Returns the new alert, or undefined when this party already has an alert for this entry content. */
    async insert(
      client: PoolClient,
      a: Omit<AlertRow, 'createdAt' | 'lastDisposition'> & { entryHash: string },
    ): Promise<AlertRow | undefined> {
      const { rows } = await client.query(
        `INSERT INTO alerts (id, tenant_id, party_id, source_id, list_version, entry_id, entry_hash, finding)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (party_id, source_id, entry_id, entry_hash) DO NOTHING
         RETURNING id, tenant_id, party_id, source_id, list_version, entry_id, finding, created_at`,
        [
          a.id,
          a.tenantId,
          a.partyId,
          a.sourceId,
          a.listVersion,
          a.entryId,
          a.entryHash,
          JSON.stringify(a.finding),
        ],
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async list(tenantId: string, limit: number): Promise<AlertRow[]> {
      const { rows } = await db.query(
        `${SELECT} WHERE a.tenant_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
        [tenantId, limit],
      );
      return rows.map(toRow);
    },

    async get(tenantId: string, id: string): Promise<AlertRow | undefined> {
      const { rows } = await db.query(`${SELECT} WHERE a.tenant_id = $1 AND a.id = $2`, [tenantId, id]);
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async insertReview(
      client: PoolClient,
      r: {
        id: string;
        alertId: string;
        tenantId: string;
        findingId: string;
        disposition: string;
        note: string;
        reviewerKeyId: string;
      },
    ): Promise<{ createdAt: string }> {
      const { rows } = await client.query<{ created_at: string }>(
        `INSERT INTO alert_reviews (id, alert_id, tenant_id, finding_id, disposition, note, reviewer_key_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING created_at`,
        [r.id, r.alertId, r.tenantId, r.findingId, r.disposition, r.note, r.reviewerKeyId],
      );
      return { createdAt: rows[0]!.created_at };
    },
  };
}
