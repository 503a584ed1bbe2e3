import type { Severity } from '../severity/severity.ts';
import type { CountryRule } from './control-rule.ts';
import type { GoodsFinding } from './goods-line.ts';
import type { GoodsPolicy } from './goods-policy.ts';
import { bindingNote, type Jurisdictions } from './jurisdiction.ts';
import type { RouteContext } from './route-context.ts';

function countryFinding(
  kind: 'destination' | 'route',
  severity: Severity,
  place: string,
  rule: CountryRule,
  reason: string,
): GoodsFinding {
  return {
    kind,
    severity,
    ruleId: rule.id,
    list: rule.list,
    ...(rule.tier === undefined ? {} : { tier: rule.tier }),
    code: place,
    legalBasis: rule.legalBasis,
    reason,
    sourceUrl: rule.sourceUrl,
  };
}

/**
 * Embargoed countries on the route call for review even with no goods at all (a bank paying an Iranian
 * supplier), one finding per regime so each cites its own act and says why it binds. A regime that does not
 * bind adds nothing; one of which only part remains (`listedGoods: review`) is a note.
 */
export function routeFindings(
  ctx: RouteContext,
  origin: string | undefined,
  policy: GoodsPolicy,
  view: Jurisdictions,
): GoodsFinding[] {
  const findings: GoodsFinding[] = [];
  const add = (
    kind: 'destination' | 'route',
    place: string,
    rules: CountryRule[],
    text: (subject: string) => string,
  ) => {
    for (const rule of rules) {
      const binding = view.of(rule.jurisdiction);
      if (binding.status === 'not-binding') continue;
      const severity = rule.listedGoods !== 'review' ? policy.embargoedCountrySeverity : 'info';
      const subject = `${rule.tier ?? rule.description} (${rule.citation})`;
      const note = bindingNote([rule.jurisdiction], view);
      // A partial regime (Syria from 2025, the Crimea import ban) restricts listed goods only: a note.
      const reason =
        rule.listedGoods !== 'review'
          ? text(subject)
          : `${place} is subject to ${subject}, which restricts only some goods; listed goods need review`;
      findings.push(countryFinding(kind, severity, place, rule, `${reason}${note}`));
    }
  };
  add(
    'destination',
    ctx.destination,
    ctx.destinationEmbargoes,
    (subject) =>
      `Destination ${ctx.destination} is subject to ${subject}; any goods or payment for it need review`,
  );
  for (const { place, rules } of ctx.transitEmbargoes) {
    add(
      'route',
      place,
      rules,
      (subject) =>
        `The route transits ${place}, which is subject to ${subject}; transit and services there need review`,
    );
  }
  if (origin !== undefined) {
    add(
      'route',
      origin,
      ctx.originEmbargoes,
      (subject) =>
        `The goods ship from ${origin}, which is subject to ${subject}; import and purchase prohibitions may apply`,
    );
  }
  return findings;
}
