import { Router } from 'express';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { FalsePositiveService } from './false-positive-service.ts';
import type { BulkReviewInput, ReviewInput, ReviewService } from './review-service.ts';

export function reviewRoutes(
  route: RouteRegistrar,
  deps: { reviews: ReviewService; falsePositives: FalsePositiveService },
): Router {
  const router = Router();

  route(router, 'createScreeningReview', async (req, res) => {
    const review = await deps.reviews.create(
      principalOf(res),
      req.params.screeningId as string,
      req.body as ReviewInput,
    );
    res.status(201).json(review);
  });

  route(router, 'createScreeningReviews', async (req, res) => {
    const items = await deps.reviews.createMany(
      principalOf(res),
      req.params.screeningId as string,
      req.body as BulkReviewInput,
    );
    res.status(201).json({ items });
  });

  route(router, 'listScreeningReviews', async (req, res) => {
    res.json({ items: await deps.reviews.list(principalOf(res), req.params.screeningId as string) });
  });

  route(router, 'listFalsePositives', async (_req, res) => {
    res.json({ items: await deps.falsePositives.list(principalOf(res)) });
  });

  route(router, 'revokeFalsePositive', async (req, res) => {
    await deps.falsePositives.revoke(principalOf(res), req.params.memoryId as string);
    res.status(204).end();
  });

  return router;
}
