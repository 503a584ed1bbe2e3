import type { Finding, RedFlagCase, RedFlagSettings, RuleHit } from './facts.ts';
import { RULE_TABLE, type RuleId, type RuleRow, type RuleTable } from './rule-table.ts';
import { companyRules } from './rules-company.ts';
import { transactionRules } from './rules-transaction.ts';

export interface EffectiveSetting {
  enabled: boolean;
  threshold?: number;
  /** Never `block`: a red flag is a reason to ask, not a prohibition (BIS KYC guidance: "if there are red flags, inquire"). */
  severity: 'review' | 'info';
}

/** A rule's setting under the tenant policy: what the policy names, the table's default for the rest. */
export function effectiveSetting(row: RuleRow, settings: RedFlagSettings): EffectiveSetting {
  const s = settings[row.id] ?? {};
  const threshold = s.threshold ?? row.threshold?.default;
  return {
    enabled: s.enabled ?? true,
    ...(threshold !== undefined ? { threshold } : {}),
    severity: s.severity ?? 'review',
  };
}

function toFinding(hit: RuleHit, row: RuleRow, setting: EffectiveSetting, table: RuleTable): Finding {
  const sources = row.sources.map((id) => table.sources[id]!);
  const where = hit.partyIndex ?? 'transaction';
  return {
    id: `red_flag:${hit.rule}:${where}${hit.goodsIndex !== undefined ? `:${hit.goodsIndex}` : ''}`,
    kind: 'red_flag',
    severity: setting.severity,
    ...(hit.partyIndex !== undefined ? { partyIndex: hit.partyIndex } : {}),
    ...(hit.goodsIndex !== undefined ? { goodsIndex: hit.goodsIndex } : {}),
    reason:
      `Red flag “${row.title}” (${row.id}): ${hit.detail}` +
      (setting.threshold !== undefined && row.threshold
        ? ` (threshold ${setting.threshold} ${row.threshold.unit})`
        : '') +
      `. Source: ${sources.map((s) => `${s.title}, ${s.published}`).join('; ')}.`,
    redFlag: {
      rule: row.id,
      title: row.title,
      ...(setting.threshold !== undefined && row.threshold ? { threshold: setting.threshold } : {}),
      facts: hit.facts,
      sources: sources.map((s) => ({
        title: s.title,
        publisher: s.publisher,
        published: s.published,
        url: s.url,
      })),
    },
  };
}

/**
 * Pure: the red flags of one transaction under the tenant's red-flag settings. The rules that concern
 * high-priority goods say nothing when the transaction has none (apples to Germany raise no flag, whoever ships them).
 */
export function redFlagFindings(
  c: RedFlagCase,
  settings: RedFlagSettings = {},
  table: RuleTable = RULE_TABLE,
): Finding[] {
  const setting = (id: RuleId) => effectiveSetting(table.rules.get(id)!, settings);
  const threshold = (id: RuleId) => setting(id).threshold ?? 0;
  const hits = [...companyRules(c, threshold), ...transactionRules(c)];
  return hits.flatMap((hit) => {
    const row = table.rules.get(hit.rule)!;
    const s = setting(hit.rule);
    if (!s.enabled || (row.priorityGoods && c.priority.length === 0)) return [];
    return [toFinding(hit, row, s, table)];
  });
}
