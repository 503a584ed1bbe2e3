import type { RedFlagSettings } from './facts.ts';
import { RULE_TABLE, type RuleId, type RuleTable } from './rule-table.ts';

export interface SettingProblem {
  pointer: string;
  message: string;
}

/**
 * What a policy's red-flag map gets wrong: a rule id the table does not have (a typo would switch nothing off
 * while the officer believes it did), or a threshold for a rule that has none.
 */
export function redFlagSettingProblems(
  settings: RedFlagSettings | undefined,
  table: RuleTable = RULE_TABLE,
): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const [id, setting] of Object.entries(settings ?? {})) {
    const row = table.rules.get(id as RuleId);
    const pointer = `/redFlags/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!row) {
      problems.push({
        pointer,
        message: `“${id}” is not a red-flag rule (${[...table.rules.keys()].join(', ')})`,
      });
    } else if (setting?.threshold !== undefined && !row.threshold) {
      problems.push({ pointer: `${pointer}/threshold`, message: `rule ${id} has no threshold` });
    }
  }
  return problems;
}
