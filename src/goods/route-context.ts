import { type ControlRule, type CountryRule, inForceOn } from './control-rule.ts';
import type { Route } from './goods-line.ts';
import { LISTS } from './goods-policy.ts';
import type { RuleIndex } from './rule-index.ts';

export interface PlaceHit {
  place: string;
  rules: CountryRule[];
}

/** What the countries of a route mean on the transaction date, worked out once for all goods lines. */
export interface RouteContext {
  destination: string;
  destinationEmbargoes: CountryRule[];
  originEmbargoes: CountryRule[];
  transitEmbargoes: PlaceHit[];
  /** Destination or transit countries on the diversion-risk list; the origin ships, it does not divert. */
  diversion: PlaceHit[];
  euMembership: CountryRule[];
  partnerStatus: CountryRule[];
}

export function routeContext(
  index: RuleIndex,
  route: Route,
  date: string,
  usable: (rule: ControlRule) => boolean,
): RouteContext {
  const rulesFor = (place: string, list: string) =>
    index.countryRules(place, list).filter((rule) => inForceOn(rule, date) && usable(rule));
  const hits = (places: readonly string[], list: string): PlaceHit[] =>
    [...new Set(places)]
      .map((place) => ({ place, rules: rulesFor(place, list) }))
      .filter((hit) => hit.rules.length > 0);
  return {
    destination: route.destination,
    destinationEmbargoes: rulesFor(route.destination, LISTS.embargoes),
    originEmbargoes: route.origin === undefined ? [] : rulesFor(route.origin, LISTS.embargoes),
    transitEmbargoes: hits(route.transit, LISTS.embargoes),
    diversion: hits([route.destination, ...route.transit], LISTS.diversionRisk),
    euMembership: rulesFor(route.destination, LISTS.euMemberStates),
    partnerStatus: rulesFor(route.destination, LISTS.partnerCountries),
  };
}

/** `Reg. (EU) 833/2014 Art. 2; 15 CFR §746.8`: every regime that applies, in the order the data lists them. */
export function citations(rules: readonly ControlRule[]): string {
  return [...new Set(rules.map((rule) => rule.citation))].join('; ');
}

export function ruleIds(rules: readonly ControlRule[]): string[] {
  return rules.map((rule) => rule.id);
}
