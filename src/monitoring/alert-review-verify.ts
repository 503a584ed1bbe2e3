import type { ProblemLog, RowCheck, VerifiedPage } from '../audit/verify-report.ts';
import { MAX_PROBLEMS, sameInstant, sha256, vouchedRows } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import {
  alertReviewsById,
  type StoredAlertReview,
  unvouchedAlertReviews,
} from './alert-review-verify-store.ts';

interface AlertReviewPayload {
  alertId?: string;
  reviewId?: string;
  findingId?: string;
  disposition?: string;
  /** Events since migration 0031's release; older ones cannot vouch for the note or created_at. */
  noteSha256?: string;
}

/** Alert reviews against their `alert.reviewed` events. */
export function createAlertReviewCheck(pool: Pool): RowCheck {
  async function check(p: VerifiedPage, log: ProblemLog) {
    const vouched = await vouchedRows<AlertReviewPayload, StoredAlertReview>(p, log, {
      table: 'alert_reviews',
      types: ['alert.reviewed'],
      idOf: (pl) => pl.reviewId,
      rowsById: (tenantId, ids) => alertReviewsById(pool, tenantId, ids),
    });
    for (const { event: e, payload: pl, id, row: r, differs } of vouched) {
      if (r.disposition !== pl.disposition) differs('disposition', r.disposition, pl.disposition);
      if (r.alertId !== pl.alertId) differs('alert_id', r.alertId, pl.alertId);
      if (r.findingId !== pl.findingId) differs('finding_id', r.findingId, pl.findingId);
      if (r.reviewerKeyId !== e.actor) differs('reviewer_key_id', r.reviewerKeyId, e.actor);
      if (pl.noteSha256 === undefined) continue;
      if (sha256(r.note) !== pl.noteSha256)
        log.add({ table: 'alert_reviews', id, field: 'note', detail: 'note was altered' }, e);
      if (!sameInstant(r.createdAt, e.occurredAt)) differs('created_at', r.createdAt, e.occurredAt);
    }
  }

  return {
    page: check,
    async rest(tenantId, log) {
      for (const id of await unvouchedAlertReviews(pool, tenantId, MAX_PROBLEMS))
        log.add({
          table: 'alert_reviews',
          id,
          field: null,
          detail: 'no alert.reviewed event vouches for this row',
        });
    },
  };
}
