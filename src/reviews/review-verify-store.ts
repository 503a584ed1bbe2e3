import type { Queryable } from '../db/pool.ts';
import type { ReviewFact, ReviewStatus } from './review-status.ts';
import { type ReviewRow, toReview } from './review-store.ts';

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
  return new Map(rows.map((r) => [r.id as string, toReview(r)]));
}

export interface StoredState {
  status: ReviewStatus;
  outcome: string | null;
  screenedAt: string;
}

/**
 * The projection rows of these screenings and the reviews they derive from (oldest first), in one statement:
 * a review and its projection update commit together, so one snapshot never shows one without the other
 * (two statements could straddle a review committed between them and report a difference that is not there).
 */
export async function statesWithReviews(
  db: Queryable,
  tenantId: string,
  screeningIds: string[],
): Promise<Map<string, { state: StoredState | undefined; reviews: ReviewFact[] }>> {
  if (screeningIds.length === 0) return new Map();
  const { rows } = await db.query(
    `SELECT i.id, st.status, st.outcome, st.screened_at,
       (SELECT coalesce(json_agg(json_build_array(r.finding_id, r.disposition, r.reviewer_key_id, r.four_eyes,
          r.reviewer_email)
          ORDER BY r.audit_seq), '[]') FROM screening_reviews r
        WHERE r.tenant_id = $1 AND r.screening_id = i.id) AS reviews
     FROM unnest($2::uuid[]) AS i (id)
     LEFT JOIN screening_review_state st ON st.screening_id = i.id AND st.tenant_id = $1`,
    [tenantId, screeningIds],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        state: r.status ? { status: r.status, outcome: r.outcome, screenedAt: r.screened_at } : undefined,
        reviews: (r.reviews as [string, ReviewFact['disposition'], string, boolean, string | null][]).map(
          ([findingId, disposition, reviewerKeyId, fourEyes, reviewerEmail]) => ({
            findingId,
            disposition,
            reviewerKeyId,
            fourEyes,
            reviewerEmail,
          }),
        ),
      },
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
