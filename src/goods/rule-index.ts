import type {
  ControlNumberRule,
  ControlRule,
  CountryRule,
  TariffRule,
  TariffSystem,
} from './control-rule.ts';
import { PrefixTrie } from './prefix-trie.ts';

/**
 * HS subheadings are the same in every national tariff, so an HS rule covers any code; a CN rule covers CN
 * and TARIC codes (TARIC extends CN by two digits); HTS digits past the sixth mean something else entirely.
 * A line without a code system could be either, so national rules all apply to it: screening errs towards
 * review rather than a silent pass.
 */
function covers(ruleSystem: TariffSystem, lineSystem: TariffSystem | undefined): boolean {
  if (ruleSystem === 'HS' || lineSystem === undefined) return true;
  if (ruleSystem === 'CN') return lineSystem === 'CN' || lineSystem === 'TARIC';
  return ruleSystem === lineSystem;
}

/** The rules of one or more lists, indexed for lookups by code, control number and country. */
export class RuleIndex {
  private readonly tariff = new PrefixTrie<TariffRule>();
  private readonly numbers: { rule: ControlNumberRule; pattern: RegExp }[] = [];
  private readonly countries = new Map<string, CountryRule[]>();

  constructor(readonly rules: readonly ControlRule[]) {
    for (const rule of rules) {
      if (rule.subject === 'tariff') this.tariff.insert(rule.code, rule);
      else if (rule.subject === 'control-number') {
        this.numbers.push({ rule, pattern: new RegExp(rule.controlNumberPattern) });
      } else {
        const bucket = this.countries.get(rule.country) ?? [];
        bucket.push(rule);
        this.countries.set(rule.country, bucket);
      }
    }
  }

  /** Tariff rules on any prefix of `digits` that the line's code system falls under, whatever their dates. */
  tariffRules(digits: string, system: TariffSystem | undefined): { depth: number; rule: TariffRule }[] {
    return this.tariff
      .prefixesOf(digits)
      .filter(({ value }) => covers(value.codeSystem, system))
      .map(({ depth, value }) => ({ depth, rule: value }));
  }

  controlNumberRules(controlNumber: string): ControlNumberRule[] {
    return this.numbers.filter(({ pattern }) => pattern.test(controlNumber)).map(({ rule }) => rule);
  }

  /** A region (`RU-MOW`) is covered by its country's rules as well as its own; `UA-43` by its own only. */
  countryRules(place: string, list: string): CountryRule[] {
    const own = this.countries.get(place) ?? [];
    const parent = place.length > 2 ? (this.countries.get(place.slice(0, 2)) ?? []) : [];
    return [...own, ...parent].filter((rule) => rule.list === list);
  }
}

const cache = new WeakMap<readonly ControlRule[], RuleIndex>();

/** Callers may pass the same rule array on every request; it is indexed once. */
export function indexRules(rules: readonly ControlRule[] | RuleIndex): RuleIndex {
  if (rules instanceof RuleIndex) return rules;
  let index = cache.get(rules);
  if (!index) {
    index = new RuleIndex(rules);
    cache.set(rules, index);
  }
  return index;
}
