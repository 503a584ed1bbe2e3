import {
  type ControlNumberRule,
  type ControlRule,
  inForceOn,
  type TariffRule,
  type TariffSystem,
} from './control-rule.ts';
import type { RuleIndex } from './rule-index.ts';

/**
 * `applies`: a control that decides the outcome; `exempts`: an exception that decides it; `covered`: a broader
 * control of the same list already expressed by a more specific one; `overridden`: beaten by a more specific
 * rule of its list; `not-in-force`: outside its legal dates on the transaction date.
 */
export type MatchStatus = 'applies' | 'exempts' | 'covered' | 'overridden' | 'not-in-force';

export interface RuleMatch<R extends ControlRule = ControlRule> {
  rule: R;
  status: MatchStatus;
  /** The rule that decided for this rule's list, when it is not this rule. */
  decidedBy?: string;
}

/** Which rules may be used at all: the policy can restrict jurisdictions (an EU-only exporter). */
export type RuleFilter = (rule: ControlRule) => boolean;

/**
 * Per list, the most specific rule in force decides: an exception on 8542.31.90 beats a control on heading
 * 8542, and a control on 8542.31.90.10 beats that exception again. At equal depth the control wins, so a
 * clumsy exception can never silently clear goods. Lists never override each other: a carve-out from one
 * annex does not clear goods that another annex lists.
 */
export function matchTariff(
  index: RuleIndex,
  digits: string,
  system: TariffSystem | undefined,
  date: string,
  usable: RuleFilter = () => true,
): RuleMatch<TariffRule>[] {
  const candidates = index.tariffRules(digits, system).filter(({ rule }) => usable(rule));
  const deciders = new Map<string, { depth: number; rule: TariffRule }>();
  for (const hit of candidates) {
    if (!inForceOn(hit.rule, date)) continue;
    const best = deciders.get(hit.rule.list);
    const deeper = !best || hit.depth > best.depth;
    const controlAtSameDepth = best && hit.depth === best.depth && hit.rule.kind === 'control';
    if (deeper || controlAtSameDepth) deciders.set(hit.rule.list, hit);
  }
  return candidates.map(({ rule }) => {
    if (!inForceOn(rule, date)) return { rule, status: 'not-in-force' as const };
    const decider = deciders.get(rule.list)!.rule;
    if (decider === rule) return { rule, status: rule.kind === 'control' ? 'applies' : 'exempts' };
    const status = rule.kind === 'control' && decider.kind === 'control' ? 'covered' : 'overridden';
    return { rule, status, decidedBy: decider.id };
  });
}

/** Control-number patterns have no depth, so within a list any matching exception (e.g. EAR99) decides. */
export function matchControlNumber(
  index: RuleIndex,
  controlNumber: string,
  date: string,
  usable: RuleFilter = () => true,
): RuleMatch<ControlNumberRule>[] {
  const candidates = index.controlNumberRules(controlNumber).filter(usable);
  const exceptions = new Map<string, ControlNumberRule>();
  for (const rule of candidates) {
    if (rule.kind === 'exception' && inForceOn(rule, date) && !exceptions.has(rule.list)) {
      exceptions.set(rule.list, rule);
    }
  }
  return candidates.map((rule) => {
    if (!inForceOn(rule, date)) return { rule, status: 'not-in-force' as const };
    const exception = exceptions.get(rule.list);
    if (!exception) return { rule, status: 'applies' as const };
    if (exception === rule) return { rule, status: 'exempts' as const };
    return { rule, status: 'overridden' as const, decidedBy: exception.id };
  });
}
