import { countryCode } from '../entity/countries.ts';
import type { EntityAddress, ListEntity } from '../entity/list-entity.ts';
import type { CountryRule } from './control-rule.ts';
import { LISTS } from './goods-policy.ts';

/** The EU list source whose entities carry Reg. 833/2014 Annex IV, and how its mapper names that annex. */
export const ANNEX_IV_SOURCE = 'eu-oj';
const ANNEX_IV_PROGRAM = 'EU Reg. 833/2014 Annex IV';
const ANNEX_IV_PAGE = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02014R0833';

/**
 * Russia and Belarus are the destinations the list guards, not places goods are diverted through; Ukrainian
 * addresses of Annex IV entries lie in the occupied territories, which the regional embargo rows cover.
 */
const NOT_DIVERSION = new Set(['RU', 'BY', 'UA']);

/** The Journal prints state forms ("Republic of India", "Kingdom of Thailand") that a name table may lack. */
const STATE_FORM =
  /^(the\s+)?(democratic\s+)?(socialist\s+)?(people[’']s\s+)?(islamic\s+)?(federal\s+)?(republic|kingdom|state|sultanate)\s+of\s+(the\s+)?/i;

/** The country of a printed address: the mapper's reading, else its last part without postcodes and state form. */
export function addressCountry(address: EntityAddress): string | undefined {
  if (address.country) return address.country;
  const last = (address.full.split(',').at(-1) ?? '')
    .replace(/[\d.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (last === '') return undefined;
  return countryCode(last) ?? countryCode(last.replace(STATE_FORM, '')) ?? undefined;
}

interface Seen {
  first: string;
  entries: number;
  url: string;
}

/**
 * Diversion-risk countries derived, not typed: every country where an entity of Reg. 833/2014 Annex IV (the
 * Russian military-industrial end users, third-country suppliers included) has an address, dated by that
 * country's first listing. Pure: a function of the list entities only, so it is rebuilt with every version
 * of the EU list and tested on a hand-written fixture. Entries without a listing date cannot date a row and
 * are left out; an address whose country cannot be read is left out (the FinCEN/BIS rows still apply).
 */
export function annexIvDiversionRules(entities: Iterable<ListEntity>): CountryRule[] {
  const seen = new Map<string, Seen>();
  for (const entity of entities) {
    if (entity.source !== ANNEX_IV_SOURCE || !entity.programs.includes(ANNEX_IV_PROGRAM)) continue;
    const listed = entity.listedOn;
    if (listed === undefined) continue;
    const countries = new Set(entity.addresses.map(addressCountry));
    for (const country of countries) {
      if (country === undefined || NOT_DIVERSION.has(country)) continue;
      const had = seen.get(country);
      if (!had) seen.set(country, { first: listed, entries: 1, url: entity.url ?? ANNEX_IV_PAGE });
      else {
        had.entries++;
        if (listed < had.first) Object.assign(had, { first: listed, url: entity.url ?? ANNEX_IV_PAGE });
      }
    }
  }
  return [...seen]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, { first, entries, url }]) => ({
      id: `${LISTS.diversionRisk}:${country}:EU-ANNEX-IV`,
      list: LISTS.diversionRisk,
      kind: 'control',
      jurisdiction: 'EU',
      tier: 'Entities listed in EU Annex IV (Russia military end users)',
      description: `${entries} Annex IV ${entries === 1 ? 'entry has' : 'entries have'} an address in ${country}`,
      legalBasis: {
        act: 'Council Regulation (EU) No 833/2014',
        provision: `Annex IV: entities located in ${country}, first listed ${first}`,
        inForce: first,
      },
      citation: 'Reg. (EU) 833/2014 Annex IV',
      sourceUrl: url,
      subject: 'country',
      country,
      listedGoods: 'block',
    }));
}

/** Control rules a party list yields, for the snapshot builder: only the EU list has any. */
export function derivedControlRules(sourceId: string, entities: readonly ListEntity[]): CountryRule[] {
  return sourceId === ANNEX_IV_SOURCE ? annexIvDiversionRules(entities) : [];
}
