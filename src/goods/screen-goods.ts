import { readControlNumber } from './control-number.ts';
import { belowThreshold, type ControlRule, inForceOn, inScopeFor } from './control-rule.ts';
import type { GoodsFinding, GoodsLine, GoodsScreenResult, LineProblem, Route } from './goods-line.ts';
import { DEFAULT_GOODS_POLICY, type GoodsPolicy, LISTS } from './goods-policy.ts';
import { type Jurisdictions, jurisdictions, type TransactionFacts } from './jurisdiction.ts';
import { controlNumberItem, itemFindings, type ListedItem, tariffItem } from './line-findings.ts';
import { gapFindings } from './list-coverage-findings.ts';
import { type CoverageGaps, gapsIn, gapTables } from './prohibition-coverage.ts';
import { routeContext } from './route-context.ts';
import { routeFindings } from './route-findings.ts';
import { indexRules, type RuleIndex } from './rule-index.ts';
import { matchControlNumber, matchTariff } from './rule-precedence.ts';
import { SHIPPED_PROHIBITION_TABLES } from './shipped-prohibitions.ts';
import { readTariffCode } from './tariff-code.ts';
import { validateGoodsLines, validateRoute } from './validate-input.ts';

/** What the transaction says beyond goods and route: who is bound, the contract, the coverage of the tables. */
export interface TransactionContext extends TransactionFacts {
  contractDate?: string;
  /**
   * The prohibition tables that cannot clear a code; by default the manifest's partial tables and those of its
   * tables not loaded in this rule set (data/prohibitions/manifest.csv).
   */
  coverageGaps?: CoverageGaps;
}

/** The listed items on one line: the deciding control of each list, by tariff code and by control number. */
function listedItems(
  index: RuleIndex,
  line: GoodsLine,
  goodsIndex: number,
  date: string,
  usable: (rule: ControlRule) => boolean,
): ListedItem[] {
  const items: ListedItem[] = [];
  if (line.code !== undefined) {
    const code = readTariffCode(line.code, line.codeSystem);
    if (code.ok) {
      for (const match of matchTariff(index, code.digits, line.codeSystem, date, usable)) {
        if (match.status !== 'applies' || belowThreshold(match.rule, line.value, line.currency)) continue;
        items.push(tariffItem(goodsIndex, code.digits, match.rule, line.codeSystem));
      }
    }
  }
  if (line.controlNumber !== undefined) {
    const number = readControlNumber(line.controlNumber);
    if (number.ok) {
      for (const match of matchControlNumber(index, number.value, date, usable)) {
        if (match.status === 'applies') items.push(controlNumberItem(goodsIndex, number.value, match.rule));
      }
    }
  }
  return items;
}

const gapsMemo = new WeakMap<RuleIndex, CoverageGaps>();
/** The manifest's gaps for this rule set, worked out once per index (that is, per list snapshot). */
function defaultGaps(index: RuleIndex): CoverageGaps {
  let gaps = gapsMemo.get(index);
  if (!gaps) {
    const loaded = new Set(index.rules.map((rule) => rule.list));
    gaps = gapsIn(gapTables(SHIPPED_PROHIBITION_TABLES, loaded));
    gapsMemo.set(index, gaps);
  }
  return gaps;
}

function viewOf(
  index: RuleIndex,
  facts: TransactionFacts,
  route: Route,
  lines: readonly GoodsLine[],
  date: string,
) {
  const isEuMember = (country: string) =>
    index.countryRules(country, LISTS.euMemberStates).some((rule) => inForceOn(rule, date));
  return jurisdictions(facts, route, lines, isEuMember);
}

/**
 * Screens goods lines and their route against the control rules in force on `date` (YYYY-MM-DD), under the
 * regimes that bind the transaction (see jurisdiction.ts). Lines with an unreadable code or control number are
 * not screened but returned in `lineErrors`, and a bad route or date yields no findings at all: the caller
 * must answer 400 rather than report a clean result.
 */
export function screenGoods(
  lines: readonly GoodsLine[],
  route: Route,
  date: string,
  rules: readonly ControlRule[] | RuleIndex,
  policy: GoodsPolicy = DEFAULT_GOODS_POLICY,
  transaction: TransactionContext = {},
  /** The lines' problems when the caller has already validated them (screening rejects them before this). */
  lineProblems: readonly LineProblem[] = validateGoodsLines(lines),
): GoodsScreenResult {
  const routeProblems = validateRoute(route, date);
  const lineErrors = [...routeProblems, ...lineProblems];
  if (routeProblems.length > 0) return { findings: [], lineErrors };
  const invalid = new Set(lineErrors.map((problem) => problem.index));
  const index = indexRules(rules);
  const view: Jurisdictions = viewOf(index, transaction, route, lines, date);
  const gaps = transaction.coverageGaps ?? defaultGaps(index);
  const ctx = routeContext(index, route, date, () => true);
  const findings: GoodsFinding[] = routeFindings(ctx, route.origin, policy, view);
  // A Reg. 833/2014 row bans exports to Russia, not to Belarus: scoped rows only count on a route they reach.
  const places = [route.destination, ...route.transit];
  lines.forEach((line, goodsIndex) => {
    if (invalid.has(goodsIndex)) return;
    // A rule counts only where its regime binds (an EU table for an EU operator) and on a route it reaches.
    const usable = (rule: ControlRule) =>
      view.of(rule.jurisdiction, line).status !== 'not-binding' && inScopeFor(rule, places);
    const items = listedItems(index, line, goodsIndex, date, usable);
    const scope = {
      line,
      date,
      view,
      ...(transaction.contractDate ? { contractDate: transaction.contractDate } : {}),
    };
    for (const item of items) findings.push(...itemFindings(item, ctx, policy, scope));
    findings.push(...gapFindings(line, goodsIndex, items, route.destination, gaps, scope));
  });
  return { findings, lineErrors };
}
