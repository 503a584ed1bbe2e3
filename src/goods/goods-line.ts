import type { Severity } from '../severity/severity.ts';
import type { LegalBasis, TariffSystem } from './control-rule.ts';
import type { TableMeasure } from './tenant-table.ts';

/** One line of a trade transaction as the API receives it. */
export interface GoodsLine {
  /** HS 6, CN 8, TARIC 10 or US HTS 8/10 digits, with or without dots and spaces. */
  code?: string;
  codeSystem?: TariffSystem;
  /** EU Annex I number (`3A001`, `5A002.a.1`), US ECCN (`3A991`, `5A992.c`) or `EAR99`. */
  controlNumber?: string;
  description?: string;
  manufacturer?: string;
  originCountry?: string;
  /** Foreign-made with US content above de minimis: the EAR apply to it (15 CFR §734.4). */
  usContent?: boolean;
  quantity?: number;
  value?: number;
  currency?: string;
}

/** Countries as ISO 3166-1 alpha-2, or ISO 3166-2 regions (`UA-43`) where a regime targets a region. */
export interface Route {
  origin?: string;
  destination: string;
  transit: string[];
}

export interface GoodsFinding {
  /**
   * `goods_control`: the goods are listed; `destination`/`route`: the countries alone call for attention;
   * `list_coverage`: a table that could list the goods is only partly loaded, so they cannot be cleared.
   */
  kind: 'goods_control' | 'destination' | 'route' | 'list_coverage';
  severity: Severity;
  /** Index of the goods line; absent for findings about the route itself (e.g. a payment to Iran). */
  goodsIndex?: number;
  ruleId: string;
  list: string;
  tier?: string;
  /** The tariff code, control number or country the finding is about. */
  code: string;
  legalBasis: LegalBasis;
  /** One human sentence naming the list, the country and the article. */
  reason: string;
  sourceUrl: string;
  /** Country rules (embargo, diversion risk) that turned a listed item into this severity. */
  relatedRuleIds?: string[];
  /** The row of the tenant's own goods table this finding comes from (tenant-table-findings.ts). */
  table?: TenantTableRef;
}

export interface TenantTableRef {
  tableId: string;
  name: string;
  version: number;
  line: number;
  measure: TableMeasure;
  source: string;
  note?: string;
}

/** A reason the API must answer 400: never screen a line whose code could not be read. */
export interface LineProblem {
  /** Index of the goods line; absent for a problem with the route or the date. */
  index?: number;
  field: string;
  value: string;
  reason: string;
}

export interface GoodsScreenResult {
  findings: GoodsFinding[];
  /** Lines listed here were not screened; the API must reject the request rather than pass them. */
  lineErrors: LineProblem[];
}
