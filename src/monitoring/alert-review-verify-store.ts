import type { Queryable } from '../db/pool.ts';

export interface StoredAlertReview {
  id: string;
  alertId: string;
  findingId: string;
  disposition: string;
  note: string;
  reviewerKeyId: string;
  createdAt: string;
}

/** The alert reviews a page of audit events names, for GET /audit/verify. */
export async function alertReviewsById(
  db: Queryable,
  tenantId: string,
  ids: string[],
): Promise<Map<string, StoredAlertReview>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query(
    `SELECT id, alert_id, finding_id, disposition, note, reviewer_key_id, created_at FROM alert_reviews
     WHERE tenant_id = $1 AND id = ANY($2::text[])`,
    [tenantId, ids],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id,
        alertId: r.alert_id,
        findingId: r.finding_id,
        disposition: r.disposition,
        note: r.note,
        reviewerKeyId: r.reviewer_key_id,
        createdAt: r.created_at,
      },
    ]),
  );
}

/** Alert reviews no `alert.reviewed` event names (few per tenant next to its screenings: run every verify). */
export async function unvouchedAlertReviews(
  db: Queryable,
  tenantId: string,
  limit: number,
): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT r.id FROM alert_reviews r
     WHERE r.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.tenant_id = $1
       AND e.type = 'alert.reviewed' AND e.payload->>'reviewId' = r.id)
     ORDER BY r.id LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((r) => r.id as string);
}
