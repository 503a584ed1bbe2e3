import type { RowCheck } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import type { ListsModule } from '../lists/lists-module.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import type { ScreeningHooks } from '../screening/screening-service.ts';
import { createFalsePositiveService, type FalsePositiveService } from './false-positive-service.ts';
import { createFalsePositiveCheck } from './false-positive-verify.ts';
import type { OutcomeEvents } from './outcome-events.ts';
import { createReviewService, type ReviewService } from './review-service.ts';
import { createReviewCheck } from './review-verify.ts';

export interface ReviewsModule {
  reviews: ReviewService;
  falsePositives: FalsePositiveService;
  /** GET /audit/verify's checks of this module's tables (a fresh one per walk). */
  checks: { reviews: () => RowCheck; falsePositives: () => RowCheck };
}

/** Reviews and false-positive memory, plugged into screening through its hooks (screening never imports them). */
export function createReviewsModule(d: {
  pool: Pool;
  lists: ListsModule;
  policies: PolicyService;
  hooks: ScreeningHooks;
  /** The tenant's webhook endpoint: screening.resolved and screening.escalated go there. */
  events: OutcomeEvents;
}): ReviewsModule {
  const reviews = createReviewService({
    pool: d.pool,
    policies: d.policies,
    versions: d.lists.store,
    events: d.events,
  });
  // The suppression hook runs while screening evaluates, before screening takes a connection for its
  // transaction (see screening-service.ts), so its look-ups share the main pool without risk of a wait cycle.
  const falsePositives = createFalsePositiveService({
    pool: d.pool,
    active: d.lists.active,
    versions: d.lists.store,
  });
  d.hooks.adjustFindings.push((p, req, findings) => falsePositives.suppressRemembered(p, req, findings));
  d.hooks.afterStore.push((rows) => reviews.initialStateFragments(rows));
  return {
    reviews,
    falsePositives,
    checks: {
      reviews: () => createReviewCheck(d.pool),
      falsePositives: () => createFalsePositiveCheck(d.pool),
    },
  };
}
