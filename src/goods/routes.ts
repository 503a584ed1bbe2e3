import { Router } from 'express';
import { ApiError } from '../http/api-error.ts';
import type { RouteRegistrar } from '../http/operation.ts';
import type { ControlRule } from './control-rule.ts';
import { coverage } from './coverage.ts';
import { explainCode } from './explain-code.ts';

export function goodsRoutes(route: RouteRegistrar, currentRules: () => ControlRule[]): Router {
  const router = Router();
  route(router, 'explainGoodsCode', async (req, res) => {
    const date = (req.query.date as string | undefined) ?? new Date().toISOString().slice(0, 10);
    const rules = currentRules();
    const explained = explainCode(req.params.code as string, date, rules);
    if (!explained.ok) {
      throw ApiError.badRequest(explained.reason, [
        { in: 'path', pointer: '/code', message: explained.reason },
      ]);
    }
    const e = explained.explanation;
    res.json({
      code: e.code,
      display: e.display,
      ...(e.codeSystem ? { codeSystem: e.codeSystem } : {}),
      date: e.date,
      rules: e.rules.map(({ rule, status, decidedBy }) => ({
        id: rule.id,
        list: rule.list,
        code: rule.code,
        codeSystem: rule.codeSystem,
        kind: rule.kind,
        tier: rule.tier ?? null,
        description: rule.description,
        citation: rule.citation,
        legalBasis: { ...rule.legalBasis, citation: rule.citation, url: rule.sourceUrl },
        status,
        ...(decidedBy ? { decidedBy } : {}),
      })),
      decisions: e.decisions,
      coverage: coverage(rules).summary,
    });
  });
  return router;
}
