import type { Queryable } from '../db/pool.ts';

/** A memory as verify reads it, with the note of the review it was made from (which its event vouches for). */
export interface StoredMemory {
  id: string;
  partyKey: string;
  partyName: string;
  source: string;
  entryId: string;
  entryHash: string;
  note: string;
  reviewNote: string | null;
  createdBy: string;
  createdAt: string;
  reviewId: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export async function memoriesById(
  db: Queryable,
  tenantId: string,
  ids: string[],
): Promise<Map<string, StoredMemory>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query(
    `SELECT m.*, r.note AS review_note FROM false_positive_memory m
     LEFT JOIN screening_reviews r ON r.id = m.review_id AND r.tenant_id = m.tenant_id
     WHERE m.tenant_id = $1 AND m.id = ANY($2::text[])`,
    [tenantId, ids],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id,
        partyKey: r.party_key,
        partyName: r.party_name,
        source: r.source,
        entryId: r.entry_id,
        entryHash: r.entry_hash,
        note: r.note,
        reviewNote: r.review_note,
        createdBy: r.created_by,
        createdAt: r.created_at,
        reviewId: r.review_id,
        revokedAt: r.revoked_at,
        revokedBy: r.revoked_by,
      },
    ]),
  );
}

/**
 * Memories with no `remembered` event, and revoked memories with no `revoked` event. The tenant's memories are
 * few next to its screenings (one per cleared party and entry), so this anti-join runs on every verify.
 */
export async function unvouchedMemories(
  db: Queryable,
  tenantId: string,
  limit: number,
): Promise<{ id: string; what: 'remembered' | 'revoked' }[]> {
  const { rows } = await db.query(
    `SELECT m.id, 'remembered' AS what FROM false_positive_memory m
     WHERE m.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.tenant_id = $1
       AND e.type = 'false_positive.remembered' AND e.payload->>'memoryId' = m.id)
     UNION ALL
     SELECT m.id, 'revoked' FROM false_positive_memory m
     WHERE m.tenant_id = $1 AND m.revoked_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_events e
       WHERE e.tenant_id = $1 AND e.type = 'false_positive.revoked' AND e.payload->>'memoryId' = m.id)
     ORDER BY 1 LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((r) => ({ id: r.id, what: r.what }));
}
