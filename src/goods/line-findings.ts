import type { Severity } from '../severity/severity.ts';
import type { ControlNumberRule, CountryRule, TariffRule, TariffSystem } from './control-rule.ts';
import type { GoodsFinding, GoodsLine } from './goods-line.ts';
import { type GoodsPolicy, LISTS, listName } from './goods-policy.ts';
import { bindingNote, type Jurisdictions } from './jurisdiction.ts';
import { clauseDue } from './no-russia-clause.ts';
import { citations, type RouteContext, ruleIds } from './route-context.ts';
import { formatTariffCode, tariffLabel } from './tariff-code.ts';

/** A listed item on one goods line: the rule that lists it and how the item is named in sentences. */
export interface ListedItem {
  goodsIndex: number;
  rule: TariffRule | ControlNumberRule;
  /** `HS 8542.31`, `CN 8542.31.90`, `EU dual-use item 3A001`, `US ECCN 3A991`. */
  subject: string;
  /** The code or control number as declared (normalised). */
  code: string;
}

export function tariffItem(
  goodsIndex: number,
  digits: string,
  rule: TariffRule,
  system: TariffSystem | undefined,
): ListedItem {
  const own = `${tariffLabel(digits, system)} ${formatTariffCode(digits)}`;
  const under =
    rule.code.length === 2
      ? `HS chapter ${rule.code}`
      : `${tariffLabel(rule.code)} ${formatTariffCode(rule.code)}`;
  const subject = rule.code === digits ? own : `${own} (under ${under})`;
  return { goodsIndex, rule, subject, code: digits };
}

export function controlNumberItem(goodsIndex: number, value: string, rule: ControlNumberRule): ListedItem {
  const subject = rule.regime === 'EU' ? `EU dual-use item ${value}` : `US ECCN ${value}`;
  return { goodsIndex, rule, subject, code: value };
}

/** A prohibition-table row (data/prohibitions/) is scoped to destinations and names its own article. */
function prohibitionRow(item: ListedItem): boolean {
  return item.rule.subject === 'tariff' && item.rule.destinations !== undefined;
}

function listed(item: ListedItem): string {
  const { rule } = item;
  if (rule.subject === 'control-number') return `${item.subject} is a controlled item`;
  if (prohibitionRow(item))
    return `${item.subject} is listed in ${rule.citation}${rule.tier ? ` (${rule.tier})` : ''}`;
  if (rule.tier === undefined) return `${item.subject} is on the ${listName(rule.list)}`;
  const word = rule.list === LISTS.chpl ? 'tier' : 'category';
  return `${item.subject} is on the ${listName(rule.list)}, ${word} ${rule.tier}`;
}

function finding(
  item: ListedItem,
  kind: GoodsFinding['kind'],
  severity: Severity,
  reason: string,
  related: string[] = [],
): GoodsFinding {
  const { rule } = item;
  return {
    kind,
    severity,
    goodsIndex: item.goodsIndex,
    ruleId: rule.id,
    list: rule.list,
    ...(rule.tier === undefined ? {} : { tier: rule.tier }),
    code: item.code,
    legalBasis: rule.legalBasis,
    reason,
    sourceUrl: rule.sourceUrl,
    ...(related.length ? { relatedRuleIds: related } : {}),
  };
}

/** The facts one goods line is judged on, beyond its route: the date, the contract and who is bound. */
export interface LineScope {
  line: GoodsLine;
  date: string;
  contractDate?: string;
  view: Jurisdictions;
}

/** Art. 12g: an EU operator selling clause-list goods to a third country other than a partner country. */
function clauseFinding(item: ListedItem, ctx: RouteContext, policy: GoodsPolicy, scope: LineScope) {
  const dest = ctx.destination;
  const eu = scope.view.of('EU', scope.line);
  if (eu.status === 'not-binding') {
    const why = `${policy.noRussiaClauseCitation} binds EU operators only (${eu.why})`;
    return finding(item, 'goods_control', 'info', `${listed(item)}; ${why}`);
  }
  if (ctx.euMembership.length > 0 || ctx.partnerStatus.length > 0) {
    const status = ctx.euMembership.length > 0 ? ctx.euMembership : ctx.partnerStatus;
    const why = `${dest} is exempt from the no-re-export-to-Russia clause (${citations(status)})`;
    return finding(item, 'goods_control', 'info', `${listed(item)}; ${why}`, ruleIds(status));
  }
  const due = clauseDue(scope.date, scope.contractDate);
  if (!due.due)
    return finding(item, 'goods_control', 'info', `${listed(item)}; no clause is due: ${due.why}`);
  const why = `sales to ${dest} need a contractual "no re-export to Russia" clause under ${policy.noRussiaClauseCitation}`;
  return finding(
    item,
    'goods_control',
    'info',
    `${listed(item)}; ${why}${bindingNote(['EU'], scope.view, scope.line)}`,
  );
}

/** What the listed item means outside any embargo: the clause, the licence, or just a note. */
function thirdCountryFinding(
  item: ListedItem,
  ctx: RouteContext,
  policy: GoodsPolicy,
  scope: LineScope,
): GoodsFinding {
  const { rule } = item;
  const dest = ctx.destination;
  const inEu = ctx.euMembership.length > 0;
  if (rule.subject === 'control-number' && rule.regime === 'EU') {
    if (inEu) {
      const why = `${dest} is an EU member state (${citations(ctx.euMembership)})`;
      return finding(item, 'goods_control', 'info', `${listed(item)}; ${why}`, ruleIds(ctx.euMembership));
    }
    // Reg. 2021/821 Art. 3(1): any export of an Annex I item out of the Union needs an authorisation.
    const why = `exporting it to ${dest}, outside the EU, needs an authorisation under ${rule.citation}`;
    const note = bindingNote(['EU'], scope.view, scope.line);
    return finding(item, 'goods_control', 'review', `${listed(item)}; ${why}${note}`);
  }
  if (rule.subject === 'control-number') {
    const why = `the licence requirement for ${dest} depends on its reasons for control and is not evaluated here`;
    return finding(item, 'goods_control', 'info', `${listed(item)} (${rule.citation}); ${why}`);
  }
  if (policy.noRussiaClauseLists.includes(rule.list)) return clauseFinding(item, ctx, policy, scope);
  const cited = prohibitionRow(item) ? listed(item) : `${listed(item)} (${rule.citation})`;
  return finding(item, 'goods_control', 'info', `${cited}; no prohibition for ${dest} is recorded`);
}

/**
 * An EU-listed item to Russia is prohibited by the EU regime, a US ECCN by the EAR; cite those. Jointly
 * published lists (CHPL) or a destination only one jurisdiction embargoes (Cuba) cite every regime there.
 */
function sameJurisdiction(item: ListedItem, embargoes: CountryRule[]): CountryRule[] {
  const own = embargoes.filter((rule) => rule.jurisdiction === item.rule.jurisdiction);
  return own.length > 0 ? own : embargoes;
}

/**
 * Block where a regime that binds prohibits the listed item; review where the regime's reach is unknown (the
 * origin of the goods is not declared) or only part of it remains; nothing from a regime that does not bind.
 */
function embargoFinding(item: ListedItem, embargoes: CountryRule[], ctx: RouteContext, scope: LineScope) {
  const { view, line } = scope;
  const cited = sameJurisdiction(item, embargoes);
  const itemBinds = view.of(item.rule.jurisdiction, line).status === 'binds';
  const firm = itemBinds
    ? cited.filter(
        (rule) => rule.listedGoods !== 'review' && view.of(rule.jurisdiction, line).status === 'binds',
      )
    : [];
  const used = firm.length > 0 ? firm : cited;
  // The EAR rows do not ban: Supp. No. 4 goods need a BIS licence (§746.8(a)(5)). Like an ECCN to Russia that is
  // a block until a licence the tenant records lifts it (src/licences/), so only the words differ.
  const licence = prohibitionRow(item) && item.rule.jurisdiction === 'US';
  const verb =
    firm.length === 0 ? 'may be restricted under' : licence ? 'need a licence under' : 'are prohibited under';
  // A prohibition row cites its own article and annex (Art. 3c/Annex XI), not the regime at large.
  const basis = prohibitionRow(item) ? item.rule.citation : citations(used);
  const why = `exports to ${ctx.destination} ${verb} ${basis}`;
  const note = bindingNote(
    used.map((rule) => rule.jurisdiction),
    view,
    line,
  );
  const severity = firm.length > 0 ? 'block' : 'review';
  return finding(item, 'goods_control', severity, `${listed(item)}; ${why}${note}`, ruleIds(used));
}

/** Findings for one listed item on this route: block to an embargoed destination, otherwise note and review. */
export function itemFindings(
  item: ListedItem,
  ctx: RouteContext,
  policy: GoodsPolicy,
  scope: LineScope,
): GoodsFinding[] {
  const out: GoodsFinding[] = [];
  const bound = (rules: CountryRule[]) =>
    rules.filter((rule) => scope.view.of(rule.jurisdiction, scope.line).status !== 'not-binding');
  const embargoes = bound(ctx.destinationEmbargoes);
  if (embargoes.length > 0) {
    out.push(embargoFinding(item, embargoes, ctx, scope));
  } else {
    out.push(thirdCountryFinding(item, ctx, policy, scope));
    if (ctx.diversion.length > 0) {
      const rules = ctx.diversion.flatMap((hit) => hit.rules);
      const places = ctx.diversion.map((hit) => hit.place).join(', ');
      const why = `the route passes ${places}, on the diversion-risk list for Russia-bound goods (${citations(rules)})`;
      out.push(finding(item, 'route', policy.diversionSeverity, `${listed(item)}; ${why}`, ruleIds(rules)));
    }
  }
  for (const { place, rules: all } of ctx.transitEmbargoes) {
    const rules = bound(all);
    if (rules.length === 0) continue;
    const why = `it transits ${place}, where transit of listed goods may be prohibited (${citations(rules)})`;
    out.push(finding(item, 'route', 'review', `${listed(item)}; ${why}`, ruleIds(rules)));
  }
  return out;
}
