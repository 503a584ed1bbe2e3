import type { Finding, ScreenRequest } from '../contract/screening-types.ts';
import type { GoodsFinding, TransactionContext } from '../goods/index.ts';
import type { Policy } from '../policy/policy.ts';

/**
 * What decides which regimes bind: the exporter's country (declared, or the exporter party's), the tenant's
 * own jurisdictions, and the contract date for transitional periods (see src/goods/jurisdiction.ts).
 */
export function goodsTransaction(
  req: ScreenRequest,
  policy: Pick<Policy, 'jurisdictions'>,
): TransactionContext {
  const exporter =
    req.exporterCountry ?? req.parties.find((p) => p.role === 'exporter' && p.country)?.country;
  return {
    ...(exporter ? { exporterCountry: exporter.slice(0, 2) } : {}),
    ...(policy.jurisdictions?.length ? { tenantJurisdictions: policy.jurisdictions } : {}),
    ...(req.contractDate ? { contractDate: req.contractDate } : {}),
  };
}

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
      // A tenant table's source may be a document reference rather than a page.
      url: g.sourceUrl || null,
    },
    score: 1,
    explanation: [
      { part: 'rule', score: 1, detail: `${g.ruleId}${g.tier ? `, tier ${g.tier}` : ''}` },
      ...(g.relatedRuleIds ?? []).map((id) => ({ part: 'route', score: 1, detail: id })),
    ],
    reason: g.reason,
    legalBasis: {
      act: g.legalBasis.act,
      ...(g.legalBasis.provision ? { provision: g.legalBasis.provision } : {}),
      inForce: g.legalBasis.inForce,
      ...(g.sourceUrl ? { url: g.sourceUrl } : {}),
    },
    ...(g.table ? { tenantTable: g.table } : {}),
  }));
}
