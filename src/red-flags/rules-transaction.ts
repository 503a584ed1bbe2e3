import type { Party, RedFlagCase, RuleHit } from './facts.ts';

const firstOf = (parties: readonly Party[], roles: readonly string[]) => {
  for (const role of roles) {
    const found = parties.find((p) => p.role === role && p.country);
    if (found) return found;
  }
  return undefined;
};

/** The stated end destination: the end user's country, else the consignee's, else where the route ends. */
function endDestination(c: RedFlagCase): { country: string; statedBy: string } | undefined {
  const party = firstOf(c.req.parties, ['end_user', 'consignee']);
  if (party?.country) return { country: party.country, statedBy: `${party.role} ${party.name}` };
  const destination = c.req.route?.destination;
  return destination ? { country: destination, statedBy: 'route destination' } : undefined;
}

/**
 * High-priority goods shipped to or through a diversion-risk country that is not where they are said to end
 * up: the transshipment pattern of the FinCEN/BIS alerts (processors to Russia via Malaysia, Viet Nam, China).
 */
function diversionRoute(c: RedFlagCase): RuleHit[] {
  const end = endDestination(c);
  const route = c.req.route;
  if (!end || !route) return [];
  const places = [...new Set([...(route.transit ?? []), ...(route.destination ? [route.destination] : [])])];
  const risky = places.filter((p) => p !== end.country && c.diversionRisk(p).length > 0);
  if (risky.length === 0) return [];
  return [
    {
      rule: 'diversion-route',
      facts: {
        route: [route.origin ?? '?', ...(route.transit ?? []), route.destination ?? '?'].join(' → '),
        diversionRiskCountries: risky.join(' '),
        diversionRiskRules: risky.flatMap((p) => c.diversionRisk(p)).join(' '),
        endDestination: end.country,
        endDestinationStatedBy: end.statedBy,
        goods: c.priority.map((i) => i.code).join(', '),
      },
      detail: `the goods go through ${risky.join(', ')} (diversion-risk) while the ${end.statedBy} places their end in ${end.country}`,
    },
  ];
}

/** Payment from neither the buyer's nor the seller's country; both must be known, or nothing is said. */
function thirdCountryPayment(c: RedFlagCase): RuleHit[] {
  const payer = c.req.transaction?.paymentOriginCountry;
  if (!payer) return [];
  const buyer = firstOf(c.req.parties, ['buyer', 'consignee', 'end_user', 'customer']);
  const seller = firstOf(c.req.parties, ['seller', 'exporter']);
  if (!buyer?.country || !seller?.country) return [];
  if (payer === buyer.country || payer === seller.country) return [];
  return [
    {
      rule: 'third-country-payment',
      facts: { paymentOriginCountry: payer, buyerCountry: buyer.country, sellerCountry: seller.country },
      detail: `payment comes from ${payer}, neither the buyer's country (${buyer.country}) nor the seller's (${seller.country})`,
    },
  ];
}

function listedAddress(c: RedFlagCase): RuleHit[] {
  return [...c.listedAddresses].map(([partyIndex, hit]) => {
    const party = c.req.parties[partyIndex]!;
    return {
      rule: 'listed-address' as const,
      partyIndex,
      facts: {
        partyAddress: party.address ?? '',
        listedAddress: hit.address,
        listedEntry: `${hit.source} ${hit.entryId} ${hit.name}`,
      },
      detail: `${party.name} (${party.role ?? 'customer'}) gives the address of ${hit.name} (${hit.source} ${hit.entryId})`,
    };
  });
}

/** The rules about the route, the payment and the addresses of the transaction as a whole. */
export function transactionRules(c: RedFlagCase): RuleHit[] {
  return [...diversionRoute(c), ...thirdCountryPayment(c), ...listedAddress(c)];
}
