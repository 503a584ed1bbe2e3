import { createPool, type Pool } from '../db/pool.ts';
import type { ListsModule } from '../lists/lists-module.ts';
import { createVersionStore } from '../lists/versions/version-store.ts';
import type { PolicyService } from '../screening/policy-service.ts';
import type { ScreeningHooks } from '../screening/screening-service.ts';
import { createFalsePositiveService, type FalsePositiveService } from './false-positive-service.ts';
import { createReviewService, type ReviewService } from './review-service.ts';

export interface ReviewsModule {
  reviews: ReviewService;
  falsePositives: FalsePositiveService;
  close(): Promise<void>;
}

/** Reviews and false-positive memory, plugged into screening through its hooks (screening never imports them). */
export function createReviewsModule(d: {
  pool: Pool;
  lists: ListsModule;
  policies: PolicyService;
  hooks: ScreeningHooks;
  databaseUrl: string;
}): ReviewsModule {
  const reviews = createReviewService({ pool: d.pool, policies: d.policies, versions: d.lists.store });
  // The suppression hook runs inside screening's transaction, whose requests may hold every connection of the
  // main pool (e.g. parallel retries queued on one Idempotency-Key): its look-ups get a small pool of their own,
  // so they can never wait on a connection held by the very requests they serve.
  const lookupPool = createPool(d.databaseUrl, 4);
  const falsePositives = createFalsePositiveService({
    pool: d.pool,
    lookupPool,
    active: d.lists.active,
    versions: createVersionStore(lookupPool),
  });
  d.hooks.adjustFindings.push((p, req, findings) => falsePositives.suppressRemembered(p, req, findings));
  d.hooks.afterStore.push((client, rows) => reviews.recordInitialState(client, rows));
  return { reviews, falsePositives, close: () => lookupPool.end() };
}
