import type { CountryRule } from './control-rule.ts';
import type { GoodsFinding, Severity } from './goods-line.ts';
import type { GoodsPolicy } from './goods-policy.ts';
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
 * supplier), one finding per regime so each cites its own act.
 */
export function routeFindings(
  ctx: RouteContext,
  origin: string | undefined,
  policy: GoodsPolicy,
): GoodsFinding[] {
  const severity = policy.embargoedCountrySeverity;
  const findings = ctx.destinationEmbargoes.map((rule) =>
    countryFinding(
      'destination',
      severity,
      ctx.destination,
      rule,
      `Destination ${ctx.destination} is subject to ${rule.tier ?? rule.description} (${rule.citation}); any goods or payment for it need review`,
    ),
  );
  for (const { place, rules } of ctx.transitEmbargoes) {
    for (const rule of rules) {
      findings.push(
        countryFinding(
          'route',
          severity,
          place,
          rule,
          `The route transits ${place}, which is subject to ${rule.tier ?? rule.description} (${rule.citation}); transit and services there need review`,
        ),
      );
    }
  }
  if (origin !== undefined) {
    for (const rule of ctx.originEmbargoes) {
      findings.push(
        countryFinding(
          'route',
          severity,
          origin,
          rule,
          `The goods ship from ${origin}, which is subject to ${rule.tier ?? rule.description} (${rule.citation}); import and purchase prohibitions may apply`,
        ),
      );
    }
  }
  return findings;
}
