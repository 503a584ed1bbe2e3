import type { Queryable } from '../db/pool.ts';
import type { ReviewFact, ReviewStatus } from './review-status.ts';
import type { ReviewRow } from './review-store.ts';

/**
 * The reads GET /audit/verify makes of the reviews' tables: rows by the ids a page of audit events names, and
 * the rows no event names. Each is bounded by a page of events or by `limit`.
 */

export async function reviewsById(
  db: Queryable,
  tenantId: string,
  ids: string[],
): Promise<Map<string, ReviewRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query(
    `SELECT * FROM screening_reviews WHERE tenant_id = $1 AND id = ANY($2::text[])`,
    [tenantId, ids],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id,
        tenantId: r.tenant_id,
        screeningId: r.screening_id,
        findingId: r.finding_id,
        disposition: r.disposition,
        note: r.note,
        reviewerKeyId: r.reviewer_key_id,
        fourEyes: r.four_eyes,
        createdAt: r.created_at,
        auditSeq: r.audit_seq,
      },
    ]),
  );
}

/** The reviews of these screenings, oldest first per screening: what the projection is derived from. */
export async function reviewFactsOf(
  db: Queryable,
  tenantId: string,
  screeningIds: string[],
): Promise<Map<string, ReviewFact[]>> {
  const byScreening = new Map<string, ReviewFact[]>();
  if (screeningIds.length === 0) return byScreening;
  const { rows } = await db.query(
    `SELECT screening_id, finding_id, disposition, reviewer_key_id, four_eyes FROM screening_reviews
     WHERE tenant_id = $1 AND screening_id = ANY($2::uuid[]) ORDER BY audit_seq`,
    [tenantId, screeningIds],
  );
  for (const r of rows) {
    const facts = byScreening.get(r.screening_id) ?? [];
    facts.push({
      findingId: r.finding_id,
      disposition: r.disposition,
      reviewerKeyId: r.reviewer_key_id,
      fourEyes: r.four_eyes,
    });
    byScreening.set(r.screening_id, facts);
  }
  return byScreening;
}

export interface StoredState {
  status: ReviewStatus;
  outcome: string | null;
  screenedAt: string;
}

export async function statesOf(
  db: Queryable,
  tenantId: string,
  screeningIds: string[],
): Promise<Map<string, StoredState>> {
  if (screeningIds.length === 0) return new Map();
  const { rows } = await db.query(
    `SELECT screening_id, status, outcome, screened_at FROM screening_review_state
     WHERE tenant_id = $1 AND screening_id = ANY($2::uuid[])`,
    [tenantId, screeningIds],
  );
  return new Map(
    rows.map((r) => [
      r.screening_id as string,
      { status: r.status, outcome: r.outcome, screenedAt: r.screened_at },
    ]),
  );
}

export async function countReviews(db: Queryable, tenantId: string): Promise<number> {
  const { rows } = await db.query('SELECT count(*)::int AS n FROM screening_reviews WHERE tenant_id = $1', [
    tenantId,
  ]);
  return rows[0].n;
}

/** Reviews whose audit_seq names no review event of theirs. */
export async function unvouchedReviews(db: Queryable, tenantId: string, limit: number): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT r.id FROM screening_reviews r
     LEFT JOIN audit_events e ON e.tenant_id = r.tenant_id AND e.seq = r.audit_seq
       AND e.type = 'screening.review' AND e.payload->>'reviewId' = r.id
     WHERE r.tenant_id = $1 AND e.id IS NULL ORDER BY r.id LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((r) => r.id as string);
}

export async function countStates(db: Queryable, tenantId: string): Promise<number> {
  const { rows } = await db.query(
    'SELECT count(*)::int AS n FROM screening_review_state WHERE tenant_id = $1',
    [tenantId],
  );
  return rows[0].n;
}

/** Projection rows filed under this tenant for another tenant's screening. */
export async function foreignStates(db: Queryable, tenantId: string, limit: number): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT st.screening_id FROM screening_review_state st JOIN screenings s ON s.id = st.screening_id
     WHERE st.tenant_id = $1 AND s.tenant_id <> st.tenant_id ORDER BY st.screening_id LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((r) => r.screening_id as string);
}
