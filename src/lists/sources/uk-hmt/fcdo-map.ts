import type { ListEntity } from '../../../entity/list-entity.ts';
import { addAlias, addUnique } from '../../alias-list.ts';
import type { FcdoDesignation } from './fcdo-designation.ts';
import { addIdentifiers, SOURCE_ID, sameId, ukAddress, ukCountry, ukKind } from './map.ts';
import { otherInformationIdentifiers } from './other-information.ts';
import { cellIdentifiers } from './stated-ids.ts';
import { numberedValues, ukDate } from './uk-date.ts';

export const FCDO_PAGE_URL = 'https://www.gov.uk/government/publications/the-uk-sanctions-list';

const fullName = (parts: string[]) => parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();

/**
 * FCDO designation → entity. entryId is the FCDO Unique ID (e.g. `RUS0123`): the FCDO list has no Group ID for
 * UK-only designations, and Unique ID is what the published notices cite. It is a different key space from the
 * ConList Group ID, which is why `read` never mixes the two layouts.
 */
export function mapFcdoDesignation(d: FcdoDesignation): ListEntity | { skip: string } {
  if (!d.uniqueId) return { skip: 'designation without Unique ID' };
  const primary = d.names.find((n) => n.type.toLowerCase() === 'primary name') ?? d.names[0];
  const name = primary ? fullName(primary.parts) : '';
  if (!name) return { skip: `${d.uniqueId}: no name` };
  const entity: ListEntity = {
    source: SOURCE_ID,
    entryId: d.uniqueId,
    kind: ukKind(d.type),
    name,
    aliases: [],
    countries: [],
    identifiers: [],
    addresses: [],
    birthDates: [],
    programs: d.regime ? [d.regime] : [],
    url: FCDO_PAGE_URL,
    raw: d,
  };
  for (const n of d.names) {
    addAlias(
      entity.aliases,
      name,
      fullName(n.parts),
      n.strength.toLowerCase().startsWith('low') ? 'weak' : 'strong',
    );
  }
  for (const n of d.nonLatinNames) addAlias(entity.aliases, name, n, 'strong');
  for (const n of d.nationalities.flatMap(numberedValues)) addUnique(entity.countries, ukCountry(n));
  for (const a of d.addresses) {
    const address = ukAddress(a.lines, a.postalCode, a.country);
    if (!address) continue;
    addUnique(entity.addresses, address, (x, y) => x.full === y.full);
    addUnique(entity.countries, address.country);
  }
  for (const flag of d.flags) addUnique(entity.countries, ukCountry(flag));
  for (const p of d.passports) addIdentifiers(entity.identifiers, 'passport', p);
  // The FCDO list has the columns the ConList lacks, but fills them the ConList's way ("(1) OGRN: … (2) TIN: …").
  const stated = [
    ...d.nationalIds.flatMap((n) => cellIdentifiers(n, 'national_id')),
    ...d.businessRegistrations.flatMap((r) => cellIdentifiers(r, 'registration')),
    ...otherInformationIdentifiers(d.otherInformation),
  ];
  for (const id of stated) addUnique(entity.identifiers, id, sameId);
  for (const imo of d.imoNumbers) addIdentifiers(entity.identifiers, 'imo', imo.replace(/^IMO\s*/i, ''));
  for (const e of d.emails) addIdentifiers(entity.identifiers, 'email', e);
  for (const w of d.websites) addIdentifiers(entity.identifiers, 'website', w);
  for (const p of d.phones) addIdentifiers(entity.identifiers, 'phone', p);
  if (d.unReferenceNumber)
    entity.identifiers.push({ type: 'other', value: d.unReferenceNumber, label: 'UN reference' });
  for (const dob of d.dobs.flatMap(numberedValues)) addUnique(entity.birthDates, ukDate(dob));
  const listedOn = ukDate(d.dateDesignated);
  if (listedOn?.length === 10) entity.listedOn = listedOn;
  const remarks = [d.otherInformation, d.statementOfReasons].filter(Boolean).join('\n');
  if (remarks) entity.remarks = remarks;
  return entity;
}
