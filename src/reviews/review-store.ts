import type { ScreeningResult } from '../contract/screening-types.ts';
import { type Fragment, runFragments } from '../db/fragments.ts';
import type { Queryable } from '../db/pool.ts';
import { type Disposition, deriveState, type ReviewFact, type ReviewStatus } from './review-status.ts';

export interface ReviewRow extends ReviewFact {
  id: string;
  tenantId: string;
  screeningId: string;
  note: string;
  /** The reviewer's name, with reviewerEmail; both null for a key without a person. */
  reviewerName: string | null;
  createdAt: string;
  auditSeq: number;
}

export interface ReviewState {
  screeningId: string;
  tenantId: string;
  screenedAt: string;
  status: ReviewStatus;
  outcome: string | null;
}

export const toReview = (r: Record<string, unknown>): ReviewRow => ({
  id: r.id as string,
  tenantId: r.tenant_id as string,
  screeningId: r.screening_id as string,
  findingId: r.finding_id as string,
  disposition: r.disposition as Disposition,
  note: r.note as string,
  reviewerKeyId: r.reviewer_key_id as string,
  reviewerName: (r.reviewer_name as string | null) ?? null,
  reviewerEmail: (r.reviewer_email as string | null) ?? null,
  fourEyes: r.four_eyes as boolean,
  createdAt: r.created_at as string,
  auditSeq: r.audit_seq as number,
});

/** Writes (or overwrites) screenings' derived review states; a fragment so it can join another statement. */
export function statesFragments(states: readonly ReviewState[], now: string): Fragment[] {
  if (states.length === 0) return [];
  return [
    {
      name: 'review_states_put',
      sql: `INSERT INTO screening_review_state (screening_id, tenant_id, screened_at, status, outcome, updated_at)
            SELECT t.*, $6::timestamptz
            FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])
              AS t(screening_id, tenant_id, screened_at, status, outcome)
            ON CONFLICT (screening_id) DO UPDATE SET status = excluded.status, outcome = excluded.outcome,
              updated_at = excluded.updated_at`,
      params: [
        states.map((s) => s.screeningId),
        states.map((s) => s.tenantId),
        states.map((s) => s.screenedAt),
        states.map((s) => s.status),
        states.map((s) => s.outcome),
        now,
      ],
    },
  ];
}

/** New screenings' first states (clear ones resolved, others open), written in the statement that stores them. */
export function initialStatesFragments(
  rows: readonly { id: string; tenantId: string; screenedAt: string; result: ScreeningResult }[],
): Fragment[] {
  const states = rows.map((r) => ({
    screeningId: r.id,
    tenantId: r.tenantId,
    screenedAt: r.screenedAt,
    ...deriveState(r.result, []),
  }));
  return statesFragments(states, new Date().toISOString());
}

export function createReviewStore(db: Queryable) {
  return {
    async insert(r: ReviewRow): Promise<void> {
      await db.query(
        `INSERT INTO screening_reviews (id, tenant_id, screening_id, finding_id, disposition, note, reviewer_key_id,
           four_eyes, created_at, audit_seq, reviewer_name, reviewer_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          r.id,
          r.tenantId,
          r.screeningId,
          r.findingId,
          r.disposition,
          r.note,
          r.reviewerKeyId,
          r.fourEyes,
          r.createdAt,
          r.auditSeq,
          r.reviewerName,
          r.reviewerEmail,
        ],
      );
    },

    async forScreening(tenantId: string, screeningId: string): Promise<ReviewRow[]> {
      const { rows } = await db.query(
        `SELECT * FROM screening_reviews WHERE tenant_id = $1 AND screening_id = $2 ORDER BY audit_seq`,
        [tenantId, screeningId],
      );
      return rows.map(toReview);
    },

    async putStates(states: ReviewState[], now: string): Promise<void> {
      await runFragments(db, statesFragments(states, now));
    },

    async state(tenantId: string, screeningId: string): Promise<ReviewState | undefined> {
      const { rows } = await db.query(
        `SELECT screening_id, tenant_id, screened_at, status, outcome FROM screening_review_state
         WHERE tenant_id = $1 AND screening_id = $2`,
        [tenantId, screeningId],
      );
      const r = rows[0];
      return r
        ? {
            screeningId: r.screening_id,
            tenantId: r.tenant_id,
            screenedAt: r.screened_at,
            status: r.status,
            outcome: r.outcome,
          }
        : undefined;
    },

    /** Serialises reviews of one screening, so two officers' reviews derive the status in turn. */
    async lockScreening(tenantId: string, screeningId: string): Promise<void> {
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('review:' || $1 || ':' || $2))`, [
        tenantId,
        screeningId,
      ]);
    },
  };
}
