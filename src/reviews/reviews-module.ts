import type { RowCheck } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import type { ListsModule } from '../lists/lists-module.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import { createFalsePositiveService, type FalsePositiveService } from './false-positive-service.ts';
import { createFalsePositiveCheck } from './false-positive-verify.ts';
import type { OutcomeEvents } from './outcome-events.ts';
import { createQueueService, type QueueService } from './queue-service.ts';
import { createReviewService, type ReviewService } from './review-service.ts';
import { createReviewCheck } from './review-verify.ts';

export interface ReviewsModule {
  reviews: ReviewService;
  falsePositives: FalsePositiveService;
  /** GET /queue: the triage queue, kept in step with new screenings and with reviews. */
  queue: QueueService;
  /** GET /audit/verify's checks of this module's tables (a fresh one per walk). */
  checks: { reviews: () => RowCheck; falsePositives: () => RowCheck };
}

/**
 * Reviews and false-positive memory. Screening takes `falsePositives` as its FalsePositiveMemory dependency and
 * writes a new screening's first review state through this module's store (src/writes/screening-write.ts).
 */
export function createReviewsModule(d: {
  pool: Pool;
  lists: ListsModule;
  policies: PolicyService;
  /** The tenant's webhook endpoint: screening.resolved and screening.escalated go there. */
  events: OutcomeEvents;
}): ReviewsModule {
  const reviews = createReviewService({
    pool: d.pool,
    policies: d.policies,
    versions: d.lists.store,
    events: d.events,
  });
  // Suppression runs while screening evaluates, before screening takes a connection for its
  // transaction (see screening-service.ts), so its look-ups share the main pool without risk of a wait cycle.
  const falsePositives = createFalsePositiveService({
    pool: d.pool,
    active: d.lists.active,
    versions: d.lists.store,
  });
  return {
    reviews,
    falsePositives,
    queue: createQueueService({ pool: d.pool, policies: d.policies }),
    checks: {
      reviews: () => createReviewCheck(d.pool),
      falsePositives: () => createFalsePositiveCheck(d.pool),
    },
  };
}
