import {
  type ControlRule,
  formatTariffCode,
  indexRules,
  inForceOn,
  LISTS,
  readTariffCode,
} from '../goods/index.ts';
import type { PriorityItem, ScreenRequest } from './facts.ts';

/**
 * What the goods data already knows, read for the red flags: which lines are on the Common High Priority List
 * and which countries are diversion-risk on the date. The lists are the snapshot's own rules (the CHPL table and
 * the diversion-risk table, FinCEN/BIS rows plus the countries derived from EU Annex IV), never a copy.
 */
export function priorityItems(
  req: ScreenRequest,
  date: string,
  rules: readonly ControlRule[],
): PriorityItem[] {
  const index = indexRules(rules);
  const items: PriorityItem[] = [];
  (req.goods ?? []).forEach((line, goodsIndex) => {
    if (!line.code) return;
    const code = readTariffCode(line.code, line.codeSystem);
    if (!code.ok) return;
    const chpl = index
      .tariffRules(code.digits, line.codeSystem)
      .map(({ rule }) => rule)
      .find((rule) => rule.list === LISTS.chpl && rule.kind === 'control' && inForceOn(rule, date));
    if (chpl)
      items.push({
        goodsIndex,
        code: formatTariffCode(code.digits),
        digits: code.digits,
        tier: chpl.tier ?? '?',
        citation: chpl.citation,
      });
  });
  return items;
}

export function diversionRiskOf(rules: readonly ControlRule[], date: string): (country: string) => string[] {
  const index = indexRules(rules);
  return (country) =>
    index
      .countryRules(country, LISTS.diversionRisk)
      .filter((rule) => rule.kind === 'control' && inForceOn(rule, date))
      .map((rule) => rule.id);
}
