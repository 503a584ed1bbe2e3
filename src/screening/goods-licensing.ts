import type { Finding, ScreenRequest } from '../contract/screening-types.ts';
import type { ControlRule } from '../goods/index.ts';

export interface LicensingInput {
  tenantId: string;
  req: ScreenRequest;
  /** The transaction date (YYYY-MM-DD): a licence applies only if valid on it. */
  date: string;
  findings: Finding[];
  /** The control rule a goods finding names (its `entry.id`), from the snapshot the case was screened on. */
  ruleOf: (ruleId: string) => ControlRule | undefined;
}

/**
 * The tenant's export licences, as screening needs them (implemented by src/licences/). A goods-control finding
 * that a valid licence covers comes back marked `licensed`, and `decide` no longer counts it; one that only
 * mismatched licences cover comes back with `licenceChecks` saying why each did not apply. No other kind of
 * finding is touched: a licence never lifts a party match, a destination or route embargo.
 */
export interface GoodsLicensing {
  mark(input: LicensingInput): Promise<Finding[]>;
}

/** Rules by id, per snapshot rule array: a goods finding names its rule, licensing needs its jurisdiction. */
const rulesById = new WeakMap<ControlRule[], Map<string, ControlRule>>();
export function ruleLookup(rules: ControlRule[]): (id: string) => ControlRule | undefined {
  let byId = rulesById.get(rules);
  if (!byId) {
    byId = new Map(rules.map((r) => [r.id, r]));
    rulesById.set(rules, byId);
  }
  return (id) => byId.get(id);
}
