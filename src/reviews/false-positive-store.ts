import type { Queryable } from '../db/pool.ts';

export interface FalsePositiveRow {
  id: string;
  tenantId: string;
  partyKey: string;
  partyName: string;
  source: string;
  entryId: string;
  entryHash: string;
  note: string;
  createdBy: string;
  createdAt: string;
  reviewId: string;
}

const toRow = (r: Record<string, unknown>): FalsePositiveRow => ({
  id: r.id as string,
  tenantId: r.tenant_id as string,
  partyKey: r.party_key as string,
  partyName: r.party_name as string,
  source: r.source as string,
  entryId: r.entry_id as string,
  entryHash: r.entry_hash as string,
  note: r.note as string,
  createdBy: r.created_by as string,
  createdAt: r.created_at as string,
  reviewId: r.review_id as string,
});

export function createFalsePositiveStore(db: Queryable) {
  return {
    /** Returns false when the same party/entry/content is already remembered. */
    async insert(m: FalsePositiveRow): Promise<boolean> {
      const { rowCount } = await db.query(
        `INSERT INTO false_positive_memory (id, tenant_id, party_key, party_name, source, entry_id, entry_hash, note,
           created_by, created_at, review_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (tenant_id, party_key, source, entry_id, entry_hash) WHERE revoked_at IS NULL DO NOTHING`,
        [
          m.id,
          m.tenantId,
          m.partyKey,
          m.partyName,
          m.source,
          m.entryId,
          m.entryHash,
          m.note,
          m.createdBy,
          m.createdAt,
          m.reviewId,
        ],
      );
      return rowCount === 1;
    },

    async active(tenantId: string): Promise<FalsePositiveRow[]> {
      const { rows } = await db.query(
        `SELECT * FROM false_positive_memory WHERE tenant_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id`,
        [tenantId],
      );
      return rows.map(toRow);
    },

    /** Active memories for any of these (party, source, entry) triples. */
    async matching(
      tenantId: string,
      keys: { partyKey: string; source: string; entryId: string }[],
    ): Promise<FalsePositiveRow[]> {
      if (keys.length === 0) return [];
      // Named, so each connection parses and plans it once: it runs for every screening with a party finding.
      const { rows } = await db.query({
        name: 'false_positive_matching',
        text: `SELECT m.* FROM false_positive_memory m
         JOIN unnest($2::text[], $3::text[], $4::text[]) AS k(party_key, source, entry_id)
           ON m.party_key = k.party_key AND m.source = k.source AND m.entry_id = k.entry_id
         WHERE m.tenant_id = $1 AND m.revoked_at IS NULL`,
        values: [
          tenantId,
          keys.map((k) => k.partyKey),
          keys.map((k) => k.source),
          keys.map((k) => k.entryId),
        ],
      });
      return rows.map(toRow);
    },

    async revoke(
      tenantId: string,
      id: string,
      by: string,
      at: string,
    ): Promise<FalsePositiveRow | undefined> {
      const { rows } = await db.query(
        `UPDATE false_positive_memory SET revoked_at = $3, revoked_by = $4
         WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING *`,
        [tenantId, id, at, by],
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },
  };
}
