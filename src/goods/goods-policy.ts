import type { Severity } from '../severity/severity.ts';
import { NO_RUSSIA_CLAUSE } from './no-russia-clause.ts';

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
   * Lists whose goods need the contractual "no re-export to Russia" clause when an EU operator sells them to a
   * third country other than a partner country (Reg. 833/2014 Art. 12g: Annexes XI, XX, XXXV, XL and
   * Reg. 258/2012 Annex I; see data/no-russia-clause.json).
   */
  noRussiaClauseLists: readonly string[];
  /** Cited in the clause finding; a tenant under another regime (UK, Japan) may cite its own rule. */
  noRussiaClauseCitation: string;
  /** Severity for listed goods whose destination or transit is a diversion-risk country. */
  diversionSeverity: Severity;
  /** Severity for an embargoed destination, origin or transit when no listed goods are involved. */
  embargoedCountrySeverity: Severity;
}

export const DEFAULT_GOODS_POLICY: GoodsPolicy = {
  noRussiaClauseLists: NO_RUSSIA_CLAUSE.lists,
  noRussiaClauseCitation: NO_RUSSIA_CLAUSE.citation,
  diversionSeverity: 'review',
  embargoedCountrySeverity: 'review',
};

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
