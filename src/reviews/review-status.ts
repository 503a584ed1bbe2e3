import type { Finding, ScreeningResult } from '../contract/screening-types.ts';
import { reviewerIdentity } from '../principal/person.ts';

export type Disposition = 'true_match' | 'false_positive' | 'escalate';
export type ReviewStatus = 'open' | 'in_review' | 'resolved';
/** A screening's status as it is listed (GET /screenings, GET /screenings/{id}): see `listedStatus`. */
export type ListedStatus = ReviewStatus | 'superseded';

export interface ReviewFact {
  findingId: string;
  disposition: Disposition;
  reviewerKeyId: string;
  /** The e-mail of the person the key belonged to, when it had one: four eyes counts people, not keys. */
  reviewerEmail: string | null;
  /** The tenant's policy required four eyes when this review was made. */
  fourEyes: boolean;
}

export interface DerivedState {
  status: ReviewStatus;
  /** 'block' once any finding is a confirmed true match, 'clear' when all are cleared; null until resolved. */
  outcome: 'clear' | 'block' | null;
  /** Findings whose disposition counts, by finding id. */
  final: Map<string, 'true_match' | 'false_positive'>;
}

/** Findings an officer must dispose of: everything that could raise the decision (suppressed ones did not). */
export const needsReview = (f: Finding): boolean =>
  !f.suppressed && (f.severity === 'review' || f.severity === 'block');

/**
 * Four eyes: clearing a `block` finding as a false positive under a four-eyes policy counts only once a second
 * reviewer agrees. The trailing run of false_positive reviews of that finding must come from two different
 * reviewers — two people, or two keys where a key has no person; two keys of one person are one reviewer — and a
 * true_match or escalate in between starts the run again.
 */
function findingDisposition(f: Finding, reviews: ReviewFact[]): Disposition | 'pending' | null {
  const last = reviews[reviews.length - 1];
  if (!last) return null;
  if (last.disposition !== 'false_positive') return last.disposition;
  if (f.severity !== 'block' || !last.fourEyes) return 'false_positive';
  const reviewers = new Set<string>();
  for (let i = reviews.length - 1; i >= 0 && reviews[i]!.disposition === 'false_positive'; i--)
    reviewers.add(reviewerIdentity(reviews[i]!.reviewerKeyId, reviews[i]!.reviewerEmail));
  return reviewers.size >= 2 ? 'false_positive' : 'pending';
}

/**
 * Status from the immutable screening and its reviews (oldest first); never stored anywhere but the projection.
 *  - any finding whose latest review is `escalate` → in_review (escalation keeps the case open for a senior);
 *  - every reviewable finding has a final disposition → resolved (so a clear screening is resolved at once);
 *  - otherwise in_review once any review exists, else open.
 */
export function deriveState(result: ScreeningResult, reviews: ReviewFact[]): DerivedState {
  const byFinding = new Map<string, ReviewFact[]>();
  for (const r of reviews) byFinding.set(r.findingId, [...(byFinding.get(r.findingId) ?? []), r]);
  const final = new Map<string, 'true_match' | 'false_positive'>();
  let escalated = false;
  let allFinal = true;
  for (const f of result.findings) {
    const d = findingDisposition(f, byFinding.get(f.id) ?? []);
    if (d === 'true_match' || d === 'false_positive') final.set(f.id, d);
    if (d === 'escalate') escalated = true;
    if (needsReview(f) && !final.has(f.id)) allFinal = false;
  }
  if (!escalated && allFinal) {
    const blocked = [...final.values()].includes('true_match');
    return { status: 'resolved', outcome: blocked ? 'block' : 'clear', final };
  }
  return { status: reviews.length > 0 ? 'in_review' : 'open', outcome: null, final };
}

/**
 * A screening whose queue item a newer screening of its reference closed has left the work: listing it as
 * `open` would send an officer to a case nobody should work (the queue already says `superseded`). One that
 * was reviewed to the end is `resolved` all the same: its outcome was recorded and holds. The audit log's
 * SQL (src/audit/screening-log-store.ts, LISTED_STATUS) says the same.
 */
export function listedStatus(status: ReviewStatus, superseded: boolean): ListedStatus {
  return superseded && status !== 'resolved' ? 'superseded' : status;
}
