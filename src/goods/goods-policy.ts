import type { ControlRule } from './control-rule.ts';
import type { Severity } from './goods-line.ts';

/** List ids the engine gives a meaning to; any other list id is an annex table of controlled goods. */
export const LISTS = {
  chpl: 'chpl',
  embargoes: 'embargoes',
  diversionRisk: 'diversion-risk',
  dualUse: 'dual-use',
  euMemberStates: 'eu-member-states',
  partnerCountries: 'partner-countries',
} as const;

/** Lists of countries, as opposed to lists of goods. */
export const COUNTRY_LISTS: ReadonlySet<string> = new Set([
  LISTS.embargoes,
  LISTS.diversionRisk,
  LISTS.euMemberStates,
  LISTS.partnerCountries,
]);

/** The knobs a tenant may turn; the facts themselves (lists, countries, dates) stay in the data files. */
export interface GoodsPolicy {
  /**
   * Lists whose goods need the contractual "no re-export to Russia" clause when sold to a third country other
   * than a partner country (Reg. 833/2014 Art. 12g covers Annexes XI, XX, XXXV and the CHPL of Annex XL).
   */
  noRussiaClauseLists: readonly string[];
  /** Cited in the clause finding; a tenant under another regime (UK, Japan) may cite its own rule. */
  noRussiaClauseCitation: string;
  /** Severity for listed goods whose destination or transit is a diversion-risk country. */
  diversionSeverity: Severity;
  /** Severity for an embargoed destination, origin or transit when no listed goods are involved. */
  embargoedCountrySeverity: Severity;
  /** Only rules of these jurisdictions are used; undefined means all (EU, US, UK, INTL…). */
  jurisdictions?: readonly string[];
}

export const DEFAULT_GOODS_POLICY: GoodsPolicy = {
  noRussiaClauseLists: [LISTS.chpl],
  noRussiaClauseCitation: 'Reg. (EU) 833/2014 Art. 12g',
  diversionSeverity: 'review',
  embargoedCountrySeverity: 'review',
};

export function ruleFilter(policy: GoodsPolicy): (rule: ControlRule) => boolean {
  const allowed = policy.jurisdictions;
  // Jointly published lists (CHPL) bind every jurisdiction that adopted them.
  return allowed ? (rule) => rule.jurisdiction === 'INTL' || allowed.includes(rule.jurisdiction) : () => true;
}

const LIST_NAMES: Readonly<Record<string, string>> = {
  [LISTS.chpl]: 'Common High Priority List',
  [LISTS.dualUse]: 'dual-use control lists',
  [LISTS.embargoes]: 'embargoed destinations',
  [LISTS.diversionRisk]: 'diversion-risk countries',
};

/** Annex tables an officer loads are named by their list id (e.g. `eu-833-annex-xxiii`). */
export function listName(list: string): string {
  return LIST_NAMES[list] ?? list;
}
