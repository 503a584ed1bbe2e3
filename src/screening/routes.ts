import { Router } from 'express';
import type { ScreeningResult, ScreenRequest } from '../contract/screening-types.ts';
import { ApiError } from '../http/api-error.ts';
import type { Spec } from '../http/openapi-spec.ts';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import { problemOf } from '../http/problem.ts';
import { compile, createAjv, toFieldErrors } from '../http/schema-compiler.ts';
import { unstorableStrings } from '../http/unstorable-strings.ts';
import type { PolicyService } from '../policy/policy-service.ts';
import type { ScreeningService } from './screening-service.ts';

export function screeningRoutes(
  route: RouteRegistrar,
  deps: {
    spec: Spec;
    screening: ScreeningService;
    policies: PolicyService;
    /** Review status and final outcome, derived from review events by the reviews module. */
    reviewState: (
      tenantId: string,
      result: ScreeningResult,
    ) => Promise<{ status: 'open' | 'in_review' | 'resolved' | 'superseded'; outcome: string | null }>;
  },
): Router {
  const router = Router();
  // Batch items are validated one by one against the same schema as POST /screen, so one bad item fails alone.
  const validateItem = compile(createAjv(deps.spec, { coerce: false }), {
    $ref: 'spec#/$defs/ScreenRequest',
  });

  route(router, 'screen', async (req, res) => {
    const key = req.headers['idempotency-key'];
    const answer = await deps.screening.screen(
      principalOf(res),
      req.body as ScreenRequest,
      typeof key === 'string' ? key : undefined,
    );
    res.type('application/json').send(answer.json);
  });

  route(router, 'screenBatch', async (req, res) => {
    const principal = principalOf(res);
    const body = req.body as { items: unknown[] };
    const valid: { index: number; req: ScreenRequest }[] = [];
    const errors = new Map<number, ApiError>();
    body.items.forEach((item, index) => {
      const problems = validateItem(item)
        ? unstorableStrings(item, 'body')
        : toFieldErrors(validateItem.errors, 'body');
      if (problems.length === 0) valid.push({ index, req: item as ScreenRequest });
      else errors.set(index, ApiError.badRequest('This item is not a valid ScreenRequest', problems));
    });
    const screened = await deps.screening.screenMany(principal, valid);
    for (const s of screened) if (s.error) errors.set(s.index, s.error);
    const results = new Map(screened.flatMap((s) => (s.row ? [[s.index, s.row.result] as const] : [])));
    const instance = req.originalUrl;
    res.json({
      items: body.items.map((_item, index) => {
        const result = results.get(index);
        if (result) return { index, result };
        return { index, error: problemOf(errors.get(index)!, instance, res.locals.requestId as string) };
      }),
    });
  });

  route(router, 'getScreening', async (req, res) => {
    const principal = principalOf(res);
    const found = await deps.screening.get(principal, req.params.screeningId as string);
    const state = await deps.reviewState(principal.tenantId, found.result);
    res.json({
      result: found.result,
      request: found.request,
      apiKeyId: found.apiKeyId,
      reviewStatus: state.status,
      outcome: state.outcome,
    });
  });

  route(router, 'getPolicy', async (_req, res) => {
    res.json(await deps.policies.current(principalOf(res).tenantId));
  });

  route(router, 'updatePolicy', async (req, res) => {
    const p = principalOf(res);
    res.json(await deps.policies.update(p.tenantId, p.keyId, req.body));
  });

  return router;
}
