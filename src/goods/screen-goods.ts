import { readControlNumber } from './control-number.ts';
import { belowThreshold, type ControlRule, inScopeFor } from './control-rule.ts';
import type { GoodsFinding, GoodsLine, GoodsScreenResult, Route } from './goods-line.ts';
import { DEFAULT_GOODS_POLICY, type GoodsPolicy, ruleFilter } from './goods-policy.ts';
import { controlNumberItem, itemFindings, type ListedItem, tariffItem } from './line-findings.ts';
import { routeContext } from './route-context.ts';
import { routeFindings } from './route-findings.ts';
import { indexRules, type RuleIndex } from './rule-index.ts';
import { matchControlNumber, matchTariff } from './rule-precedence.ts';
import { readTariffCode } from './tariff-code.ts';
import { validateGoodsLines, validateRoute } from './validate-input.ts';

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

/**
 * Screens goods lines and their route against the control rules in force on `date` (YYYY-MM-DD). Lines with
 * an unreadable code or control number are not screened but returned in `lineErrors`, and a bad route or
 * date yields no findings at all: the caller must answer 400 rather than report a clean result.
 */
export function screenGoods(
  lines: readonly GoodsLine[],
  route: Route,
  date: string,
  rules: readonly ControlRule[] | RuleIndex,
  policy: GoodsPolicy = DEFAULT_GOODS_POLICY,
): GoodsScreenResult {
  const routeProblems = validateRoute(route, date);
  const lineErrors = [...routeProblems, ...validateGoodsLines(lines)];
  if (routeProblems.length > 0) return { findings: [], lineErrors };
  const invalid = new Set(lineErrors.map((problem) => problem.index));
  const index = indexRules(rules);
  const usable = ruleFilter(policy);
  const ctx = routeContext(index, route, date, usable);
  // A Reg. 833/2014 row bans exports to Russia, not to Belarus: scoped rows only count on a route they reach.
  const places = [route.destination, ...route.transit];
  const usableHere = (rule: ControlRule) => usable(rule) && inScopeFor(rule, places);
  const findings: GoodsFinding[] = routeFindings(ctx, route.origin, policy);
  lines.forEach((line, goodsIndex) => {
    if (invalid.has(goodsIndex)) return;
    for (const item of listedItems(index, line, goodsIndex, date, usableHere)) {
      findings.push(...itemFindings(item, ctx, policy));
    }
  });
  return { findings, lineErrors };
}
