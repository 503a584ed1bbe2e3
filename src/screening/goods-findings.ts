import type { GoodsFinding } from '../goods/index.ts';
import type { Finding } from './types.ts';

/** The goods engine's findings in the API's shape; the rule is the "entry" an officer reviews. */
export function toGoodsFindings(found: GoodsFinding[]): Finding[] {
  return found.map((g) => ({
    id: `${g.kind}:${g.goodsIndex ?? 'route'}:${g.ruleId}`,
    kind: g.kind,
    severity: g.severity,
    ...(g.goodsIndex !== undefined ? { goodsIndex: g.goodsIndex } : {}),
    source: g.list,
    entry: {
      id: g.ruleId,
      name: g.code,
      programs: g.tier ? [`tier ${g.tier}`] : [],
      listedOn: g.legalBasis.inForce,
      url: g.sourceUrl,
    },
    score: 1,
    explanation: [
      { part: 'rule', score: 1, detail: `${g.ruleId}${g.tier ? `, tier ${g.tier}` : ''}` },
      ...(g.relatedRuleIds ?? []).map((id) => ({ part: 'route', score: 1, detail: id })),
    ],
    reason: g.reason,
    legalBasis: {
      act: g.legalBasis.act,
      provision: g.legalBasis.provision,
      inForce: g.legalBasis.inForce,
      url: g.sourceUrl,
    },
  }));
}
