import { readControlNumber } from './control-number.ts';
import { type ControlRule, inForceOn } from './control-rule.ts';
import type { GoodsFinding, GoodsLine, Route } from './goods-line.ts';
import { RuleIndex } from './rule-index.ts';
import { formatTariffCode, readTariffCode, tariffLabel } from './tariff-code.ts';
import { type TenantGoodsRow, type TenantGoodsTable, tenantRowRule } from './tenant-table.ts';

interface IndexedTable {
  index: RuleIndex;
  rowOf: Map<string, TenantGoodsRow>;
  ruleOf: Map<string, ControlRule>;
}

/** A table version never changes once stored, so its index is built once per loaded version object. */
const indexed = new WeakMap<TenantGoodsTable, IndexedTable>();
function indexOf(table: TenantGoodsTable): IndexedTable {
  let found = indexed.get(table);
  if (!found) {
    const rowOf = new Map<string, TenantGoodsRow>();
    const ruleOf = new Map<string, ControlRule>();
    const rules = table.rows.map((row) => {
      const rule = tenantRowRule(table, row);
      rowOf.set(rule.id, row);
      ruleOf.set(rule.id, rule);
      return rule;
    });
    found = { index: new RuleIndex(rules), rowOf, ruleOf };
    indexed.set(table, found);
  }
  return found;
}

/**
 * The rule behind a tenant-table finding, by rule id, so licensing reads it as it reads a shipped one. Looked up
 * in each version's kept index: nothing per screening grows with the tables' rows.
 */
export function tenantRuleLookup(
  tables: readonly TenantGoodsTable[],
): (id: string) => ControlRule | undefined {
  const kept = tables.map((table) => indexOf(table).ruleOf);
  return (id) => {
    for (const ruleOf of kept) {
      const rule = ruleOf.get(id);
      if (rule) return rule;
    }
    return undefined;
  };
}

/** A country row covers its regions (`RU` covers `RU-MOW`); a region row only itself; `*` every place. */
function placeHit(destination: string, places: readonly string[]): string | undefined {
  if (destination === '*') return places[0];
  return places.find((place) => place === destination || place.slice(0, 2) === destination);
}

const MEASURE_WORDS: Record<TenantGoodsRow['measure'], string> = {
  block: 'blocked',
  review: 'to be reviewed',
  licence_required: 'subject to a licence requirement',
};

function subjectOf(line: GoodsLine, row: TenantGoodsRow): { code: string; subject: string } | undefined {
  if (row.codeSystem !== undefined && line.code !== undefined) {
    const read = readTariffCode(line.code, line.codeSystem);
    if (!read.ok) return undefined;
    const own = `${tariffLabel(read.digits, line.codeSystem)} ${formatTariffCode(read.digits)}`;
    const listed = row.code.length === 2 ? `chapter ${row.code}` : formatTariffCode(row.code);
    const under = row.code === read.digits ? '' : ` (under ${row.codeSystem} ${listed})`;
    return { code: read.digits, subject: `${own}${under}` };
  }
  if (row.codeSystem === undefined && line.controlNumber !== undefined) {
    const read = readControlNumber(line.controlNumber);
    if (!read.ok) return undefined;
    const under = row.code === read.value ? '' : ` (under ${row.code})`;
    return { code: read.value, subject: `control number ${read.value}${under}` };
  }
  return undefined;
}

/** The rules of one table that cover a line's code or control number, whatever their dates and places. */
function rulesFor(index: RuleIndex, line: GoodsLine): ControlRule[] {
  const found: ControlRule[] = [];
  if (line.code !== undefined) {
    const code = readTariffCode(line.code, line.codeSystem);
    if (code.ok) found.push(...index.tariffRules(code.digits, line.codeSystem).map((hit) => hit.rule));
  }
  if (line.controlNumber !== undefined) {
    const number = readControlNumber(line.controlNumber);
    if (number.ok) found.push(...index.controlNumberRules(number.value));
  }
  return found;
}

/**
 * Pure: the tenant's own table rows that bite on these goods lines on the transaction date. Unlike the shipped
 * lists, no row overrides another: a table has no exceptions, and each row in force whose code covers the line
 * and whose destination is on the route is a finding of its own. They are added beside the shipped tables'
 * findings, so a tenant table can only raise a decision, never lower one.
 */
export function tenantTableFindings(
  lines: readonly GoodsLine[],
  route: Route,
  date: string,
  tables: readonly TenantGoodsTable[],
): GoodsFinding[] {
  const places = [route.destination, ...route.transit].filter(Boolean);
  const findings: GoodsFinding[] = [];
  for (const table of tables) {
    const { index, rowOf } = indexOf(table);
    lines.forEach((line, goodsIndex) => {
      for (const rule of rulesFor(index, line)) {
        const row = rowOf.get(rule.id)!;
        const place = placeHit(row.destination, places);
        const item = subjectOf(line, row);
        if (!inForceOn(rule, date) || place === undefined || !item) continue;
        const where =
          row.destination === '*'
            ? 'for every destination'
            : `for ${row.destination}${place === route.destination ? '' : ` (${place} is on the route)`}`;
        const note = row.note ? `; note: ${row.note}` : '';
        findings.push({
          kind: 'goods_control',
          severity: row.measure === 'block' ? 'block' : 'review',
          goodsIndex,
          ruleId: rule.id,
          list: rule.list,
          code: item.code,
          legalBasis: rule.legalBasis,
          reason:
            `${item.subject} is on line ${row.line} of goods table "${table.name}" (${table.tableId}, ` +
            `version ${table.version}): ${MEASURE_WORDS[row.measure]} ${where} under ${row.legalBasis} ` +
            `(source: ${row.source})${note}`,
          sourceUrl: /^https?:\/\//i.test(row.source) ? row.source : '',
          table: {
            tableId: table.tableId,
            name: table.name,
            version: table.version,
            line: row.line,
            measure: row.measure,
            source: row.source,
            ...(row.note ? { note: row.note } : {}),
          },
        });
      }
    });
  }
  return findings;
}
