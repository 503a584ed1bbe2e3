import type { GoodsLine, Route } from './goods-line.ts';

/**
 * Which regimes bind a transaction. A rule applies only where its regime binds, and the finding says why:
 * - EU: the exporter is established in a member state, or the goods leave the Union from one (Reg. 833/2014
 *   Art. 13 and the like: Union territory, nationals and legal persons of member states);
 * - US: a US exporter, goods exported from the US, US-origin goods or foreign goods with US content above
 *   de minimis (the EAR follow the item: 15 CFR §734.3(a), §734.4);
 * - UK: a UK exporter or goods leaving the UK;
 * - any regime the tenant's own policy declares (a bank with EU, US and UK obligations).
 * When nothing says which regimes bind (no exporter country, no tenant jurisdictions), every regime applies
 * and the finding says so: the fail-safe reading, today's behaviour.
 */
export interface TransactionFacts {
  /** ISO 3166-1 country where the exporter is established. */
  exporterCountry?: string;
  /** Regimes the tenant's policy declares binding (`EU`, `US`, `UK`). */
  tenantJurisdictions?: readonly string[];
}

/**
 * `binds`: the regime's rules apply; `unknown`: a declared fact is missing (e.g. the origin of the goods), so
 * its rules answer at most `review`; `not-binding`: the facts rule it out and its rules are not used.
 */
export type BindingStatus = 'binds' | 'unknown' | 'not-binding';

export interface Binding {
  status: BindingStatus;
  /** Why, in a few words: `exporter established in DE`, `US-origin goods`. */
  why: string;
}

export interface Jurisdictions {
  /** True when nothing said which regimes bind, so every regime is applied. */
  failSafe: boolean;
  /** The binding of `regime` (a rule's `jurisdiction`) for one goods line, or for the route when absent. */
  of(regime: string, line?: GoodsLine): Binding;
}

const FAIL_SAFE =
  'applied as a precaution: the request names no exporter country and the tenant policy no jurisdictions';

/** Jointly published lists (CHPL) and analyst designations are not law of one regime: they always apply. */
const ALWAYS = new Set(['INTL', 'TRADESCREEN']);

export function jurisdictions(
  facts: TransactionFacts,
  route: Route,
  lines: readonly GoodsLine[],
  isEuMember: (country: string) => boolean,
): Jurisdictions {
  const exporter = facts.exporterCountry;
  const tenant = new Set(facts.tenantJurisdictions ?? []);
  const failSafe = exporter === undefined && tenant.size === 0;
  const origin = route.origin?.slice(0, 2);

  /** Facts that tie the whole transaction to a regime, whatever the goods. */
  function established(regime: string): string | undefined {
    if (tenant.has(regime)) return `the tenant policy binds ${regime}`;
    const home = (country: string | undefined) =>
      country !== undefined &&
      ((regime === 'EU' && isEuMember(country)) ||
        (regime === 'US' && country === 'US') ||
        (regime === 'UK' && country === 'GB'));
    if (home(exporter)) return `exporter established in ${exporter}`;
    if (home(origin)) return `goods exported from ${origin}`;
    return undefined;
  }

  /** The EAR follow US items: a line's origin or US content, or any line's for a route-level finding. */
  function usNexus(line: GoodsLine | undefined): Binding | undefined {
    const scope = line ? [line] : lines;
    const us = scope.find((l) => l.originCountry === 'US' || l.usContent === true);
    if (us) {
      return {
        status: 'binds',
        why: us.originCountry === 'US' ? 'US-origin goods' : 'US content in the goods',
      };
    }
    if (scope.some((l) => l.originCountry === undefined && l.usContent !== false)) {
      return {
        status: 'unknown',
        why: 'US rules bind only with a US nexus (US exporter, US-origin goods or US content) and the origin of the goods is not declared',
      };
    }
    return undefined;
  }

  return {
    failSafe,
    of(regime, line) {
      if (ALWAYS.has(regime)) return { status: 'binds', why: 'jointly published list' };
      const because = established(regime);
      if (because) return { status: 'binds', why: because };
      const nexus = regime === 'US' ? usNexus(line) : undefined;
      if (nexus?.status === 'binds') return nexus;
      if (failSafe) return { status: 'binds', why: FAIL_SAFE };
      if (nexus) return nexus;
      if (exporter === undefined) {
        return { status: 'unknown', why: `no exporter country is given to say whether ${regime} rules bind` };
      }
      return { status: 'not-binding', why: `exporter established in ${exporter}, no ${regime} nexus` };
    },
  };
}

/** `EU rule: exporter established in DE` — the clause a finding ends with, one per regime it cites. */
export function bindingNote(regimes: readonly string[], view: Jurisdictions, line?: GoodsLine): string {
  const notes = [...new Set(regimes)].map((regime) => `${regime} rule: ${view.of(regime, line).why}`);
  return notes.length ? ` [${notes.join('; ')}]` : '';
}
