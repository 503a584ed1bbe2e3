import type { ProblemLog, RowCheck, VerifiedPage } from '../audit/verify-report.ts';
import { MAX_PROBLEMS, sameInstant, vouchedRows } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import { deriveState } from './review-status.ts';
import type { ReviewRow } from './review-store.ts';
import {
  countReviews,
  countStates,
  foreignStates,
  reviewsById,
  statesWithReviews,
  unvouchedReviews,
} from './review-verify-store.ts';

interface ReviewPayload {
  reviewId?: string;
  screeningId?: string;
  findingId?: string;
  disposition?: string;
  note?: string;
  fourEyes?: boolean;
  /** Since migration 0038: the person who signed, or null for a key without one; absent in older events. */
  reviewer?: { name?: string; email?: string } | null;
}

/**
 * Reviews against their `screening.review` events (the event has carried the whole review, note included,
 * since reviews exist), and the review-state projection recomputed from the reviews: the projection is the
 * one table the service updates in place, so recomputation is its only guard.
 */
export function createReviewCheck(pool: Pool): RowCheck {
  let reviewsMatched = 0;
  let statesMatched = 0;

  async function checkReviews(p: VerifiedPage, log: ProblemLog) {
    const vouched = await vouchedRows<ReviewPayload, ReviewRow>(p, log, {
      table: 'screening_reviews',
      types: ['screening.review'],
      idOf: (pl) => pl.reviewId,
      rowsById: (tenantId, ids) => reviewsById(pool, tenantId, ids),
    });
    reviewsMatched += vouched.length;
    for (const { event: e, payload: pl, row: r, differs } of vouched) {
      if (r.disposition !== pl.disposition) differs('disposition', r.disposition, pl.disposition);
      if (r.note !== pl.note) differs('note', r.note, pl.note);
      if (r.findingId !== pl.findingId) differs('finding_id', r.findingId, pl.findingId);
      if (r.screeningId !== pl.screeningId) differs('screening_id', r.screeningId, pl.screeningId);
      if (r.fourEyes !== pl.fourEyes) differs('four_eyes', r.fourEyes, pl.fourEyes);
      if (r.reviewerKeyId !== e.actor) differs('reviewer_key_id', r.reviewerKeyId, e.actor);
      if (r.reviewerName !== (pl.reviewer?.name ?? null))
        differs('reviewer_name', r.reviewerName, pl.reviewer?.name ?? null);
      if (r.reviewerEmail !== (pl.reviewer?.email ?? null))
        differs('reviewer_email', r.reviewerEmail, pl.reviewer?.email ?? null);
      if (!sameInstant(r.createdAt, e.occurredAt)) differs('created_at', r.createdAt, e.occurredAt);
      if (r.auditSeq !== e.seq) differs('audit_seq', r.auditSeq, e.seq);
    }
  }

  /** Each screening's stored state against the state derived from its result and its reviews now. */
  async function checkStates(p: VerifiedPage, log: ProblemLog) {
    const events = p.events.filter(
      (e) =>
        e.type === 'screening' && typeof (e.payload as { screeningId?: unknown }).screeningId === 'string',
    );
    const ids = events.map((e) => (e.payload as { screeningId: string }).screeningId);
    // This read runs while the screening check reads and hashes the same screenings (a connection each).
    const [states, results] = await Promise.all([statesWithReviews(pool, p.tenantId, ids), p.results]);
    for (const [i, e] of events.entries()) {
      const id = ids[i]!;
      const stored = states.get(id)?.state;
      if (stored) statesMatched++;
      const result = results.get(id);
      // An altered or missing screening is reported by the screening check; there is nothing to derive from.
      if (!result) continue;
      if (!stored) {
        log.add(
          { table: 'screening_review_state', id, field: null, detail: 'missing for a stored screening' },
          e,
        );
        continue;
      }
      const want = deriveState(result, states.get(id)?.reviews ?? []);
      const differs = (field: string, have: unknown, derived: unknown) =>
        log.add(
          {
            table: 'screening_review_state',
            id,
            field,
            detail: `${field} is ${JSON.stringify(have)}, the screening's reviews give ${JSON.stringify(derived)}`,
          },
          e,
        );
      if (stored.status !== want.status) differs('status', stored.status, want.status);
      if (stored.outcome !== want.outcome) differs('outcome', stored.outcome, want.outcome);
      if (!sameInstant(stored.screenedAt, result.screenedAt))
        differs('screened_at', stored.screenedAt, result.screenedAt);
    }
  }

  return {
    async page(p, log) {
      await checkReviews(p, log);
      await checkStates(p, log);
    },

    async rest(tenantId, log) {
      if ((await countReviews(pool, tenantId)) !== reviewsMatched)
        for (const id of await unvouchedReviews(pool, tenantId, MAX_PROBLEMS))
          log.add({
            table: 'screening_reviews',
            id,
            field: null,
            detail: 'no review event vouches for this row',
          });
      if ((await countStates(pool, tenantId)) !== statesMatched)
        for (const id of await foreignStates(pool, tenantId, MAX_PROBLEMS))
          log.add({
            table: 'screening_review_state',
            id,
            field: 'tenant_id',
            detail: "filed under this tenant for another tenant's screening",
          });
    },
  };
}
