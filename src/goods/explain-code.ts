import type { ControlRule, TariffRule, TariffSystem } from './control-rule.ts';
import { indexRules, type RuleIndex } from './rule-index.ts';
import { type MatchStatus, matchTariff } from './rule-precedence.ts';
import { formatTariffCode, readTariffCode } from './tariff-code.ts';

export interface CodeExplanation {
  /** Digits only. */
  code: string;
  /** Dotted, as officers read it: `8542.31.90`. */
  display: string;
  codeSystem?: TariffSystem;
  date: string;
  /** Every rule on any prefix of the code, broadest first, with what it does on `date`. */
  rules: { rule: TariffRule; status: MatchStatus; decidedBy?: string }[];
  /** Per list, the rule that decides (a control that applies or an exception that exempts). */
  decisions: { list: string; ruleId: string; outcome: 'controlled' | 'exempt' }[];
}

export type ExplainResult = { ok: true; explanation: CodeExplanation } | { ok: false; reason: string };

/** For `GET /goods/codes/{code}`: why a code is or is not controlled, including exceptions and who wins. */
export function explainCode(
  rawCode: string,
  date: string,
  rules: readonly ControlRule[] | RuleIndex,
  codeSystem?: TariffSystem,
): ExplainResult {
  const reading = readTariffCode(rawCode, codeSystem);
  if (!reading.ok) return reading;
  const matches = matchTariff(indexRules(rules), reading.digits, codeSystem, date);
  const decisions = matches
    .filter((m) => m.status === 'applies' || m.status === 'exempts')
    .map((m) => ({
      list: m.rule.list,
      ruleId: m.rule.id,
      outcome: m.status === 'applies' ? ('controlled' as const) : ('exempt' as const),
    }));
  return {
    ok: true,
    explanation: {
      code: reading.digits,
      display: formatTariffCode(reading.digits),
      ...(codeSystem ? { codeSystem } : {}),
      date,
      rules: matches,
      decisions,
    },
  };
}
