/** The goods screening API for the HTTP layer: pure functions, plus one loader for the shipped data files. */

export { readControlNumber } from './control-number.ts';
export type {
  ControlNumberRule,
  ControlRegime,
  ControlRule,
  CountryRule,
  LegalBasis,
  TariffRule,
  TariffSystem,
} from './control-rule.ts';
export { inForceOn, isIsoDate } from './control-rule.ts';
export { type AnnexCoverage, coverage, type GoodsCoverage, partialCoverageFor } from './coverage.ts';
export { type CodeExplanation, type ExplainResult, explainCode } from './explain-code.ts';
export type {
  GoodsFinding,
  GoodsLine,
  GoodsScreenResult,
  LineProblem,
  Route,
  TenantTableRef,
} from './goods-line.ts';
export { DEFAULT_GOODS_POLICY, type GoodsPolicy, LISTS } from './goods-policy.ts';
export { type Binding, type Jurisdictions, jurisdictions, type TransactionFacts } from './jurisdiction.ts';
export {
  ALL_SHIPPED_LISTS,
  type LoadedControlLists,
  type LoadOptions,
  loadControlLists,
  readControlList,
  SHIPPED_DATA_DIR,
  SHIPPED_LIST_IDS,
  SHIPPED_LISTS,
} from './load-control-lists.ts';
export { type ControlListParse, parseControlList } from './parse-control-list.ts';
export {
  type CoverageGap,
  type CoverageGaps,
  gapsIn,
  gapTables,
  type ProhibitionTable,
  parseProhibitionManifest,
} from './prohibition-coverage.ts';
export { indexRules, RuleIndex } from './rule-index.ts';
export type { MatchStatus, RuleMatch } from './rule-precedence.ts';
export { screenGoods, type TransactionContext } from './screen-goods.ts';
export { SHIPPED_PROHIBITION_TABLES } from './shipped-prohibitions.ts';
export { formatTariffCode, readTariffCode } from './tariff-code.ts';
export {
  rowIdentity,
  type TableJurisdiction,
  type TableMeasure,
  type TenantGoodsRow,
  type TenantGoodsTable,
  tenantRowRule,
  tenantTableList,
} from './tenant-table.ts';
export { tenantRuleLookup, tenantTableFindings } from './tenant-table-findings.ts';
export { validateGoodsLines, validateRoute } from './validate-input.ts';
