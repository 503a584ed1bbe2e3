import type { GoodsFinding, GoodsLine } from './goods-line.ts';
import { bindingNote } from './jurisdiction.ts';
import type { LineScope, ListedItem } from './line-findings.ts';
import type { CoverageGap, CoverageGaps } from './prohibition-coverage.ts';
import { formatTariffCode, readTariffCode } from './tariff-code.ts';

function gapFinding(
  gap: CoverageGap,
  goodsIndex: number,
  digits: string,
  destination: string,
  scope: LineScope,
) {
  const { table, chapter } = gap;
  const reach = chapter === undefined ? 'any goods' : `HS ${formatTariffCode(chapter)}`;
  const note = bindingNote([table.jurisdiction], scope.view, scope.line);
  const finding: GoodsFinding = {
    kind: 'list_coverage',
    severity: 'review',
    goodsIndex,
    ruleId: `coverage:${table.list}`,
    list: table.list,
    code: digits,
    legalBasis: {
      act: table.legalBasis,
      provision: chapter === undefined ? 'all chapters' : `HS ${chapter}`,
      inForce: table.inForce,
    },
    reason:
      `${formatTariffCode(digits)} to ${destination}: ${table.title} reaches ${reach} but is loaded only in ` +
      `part or not at all, and no loaded row lists these goods; they cannot be cleared without checking it${note}`,
    sourceUrl: table.sourceUrl,
  };
  return finding;
}

/**
 * Partial coverage is never `clear`: a goods line whose code falls in a chapter that a partly loaded
 * prohibition table reaches, for a destination that table bites on, gets a `list_coverage` review — unless a
 * loaded row of that very table already lists it, or the table's regime does not bind the transaction.
 */
export function gapFindings(
  line: GoodsLine,
  goodsIndex: number,
  items: readonly ListedItem[],
  destination: string,
  gaps: CoverageGaps,
  scope: LineScope,
): GoodsFinding[] {
  if (line.code === undefined) return [];
  const code = readTariffCode(line.code, line.codeSystem);
  if (!code.ok) return [];
  return gaps(code.digits, destination, scope.date)
    .filter((gap) => !items.some((item) => item.rule.list === gap.table.list))
    .filter((gap) => scope.view.of(gap.table.jurisdiction, line).status !== 'not-binding')
    .map((gap) => gapFinding(gap, goodsIndex, code.digits, destination, scope));
}
