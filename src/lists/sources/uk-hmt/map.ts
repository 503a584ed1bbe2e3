import { countryCode } from '../../../entity/countries.ts';
import type { EntityAddress, EntityIdentifier, EntityKind, ListEntity } from '../../../entity/list-entity.ts';
import { addAlias, addUnique } from '../../alias-list.ts';
import { countryOfDemonym } from '../../demonyms.ts';
import type { ConListRow } from './conlist-row.ts';
import {
  nationalIdentifiers,
  otherInformationIdentifiers,
  personalIdentifiers,
} from './other-information.ts';
import { numberedValues, ukDate } from './uk-date.ts';

export const SOURCE_ID = 'uk-hmt';
export const PAGE_URL =
  'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets';

const KINDS: Record<string, EntityKind> = { individual: 'person', entity: 'organization', ship: 'vessel' };

export function ukKind(type: string): EntityKind {
  return KINDS[type.trim().toLowerCase()] ?? 'unknown';
}

/** Country names as the UK prints them; nationality cells sometimes hold an adjective ("British"). */
export function ukCountry(name: string): string | undefined {
  return countryCode(name) ?? countryOfDemonym(name);
}

export const sameId = (a: EntityIdentifier, b: EntityIdentifier) => a.type === b.type && a.value === b.value;

/** Identifier cells repeat per row and pack several numbers as "(1) … (2) …"; "-" marks a blank slot. */
export function addIdentifiers(out: EntityIdentifier[], type: string, cell: string): void {
  for (const value of numberedValues(cell)) addUnique(out, { type, value }, sameId);
}

export function ukAddress(lines: string[], postCode: string, country: string): EntityAddress | undefined {
  const full = [...lines, postCode, country].filter(Boolean).join(', ');
  if (!full) return undefined;
  const address: EntityAddress = { full };
  // ConList puts the town in the last filled address line; there is no separate city column.
  const city = lines.filter(Boolean).at(-1);
  if (city && lines.filter(Boolean).length > 1) address.city = city;
  const code = country ? ukCountry(country) : undefined;
  if (code) address.country = code;
  return address;
}

function fullName(names: string[]): string {
  return names.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}

/** All rows of one Group ID → one entity. Rows differ by name, address, DOB or regime; the rest repeats. */
export function mapConListGroup(rows: ConListRow[]): ListEntity | { skip: string } {
  const first = rows[0];
  if (!first) return { skip: 'empty group' };
  const groupId = first.groupId;
  if (!groupId) return { skip: `row ${first.row}: no Group ID` };
  const primaryRow = rows.find((r) => r.aliasType.toLowerCase() === 'primary name') ?? first;
  const name = fullName(primaryRow.names);
  if (!name) return { skip: `Group ID ${groupId}: no name` };

  const entity: ListEntity = {
    source: SOURCE_ID,
    entryId: groupId,
    kind: ukKind(first.groupType),
    name,
    aliases: [],
    countries: [],
    identifiers: [],
    addresses: [],
    birthDates: [],
    programs: [],
    url: PAGE_URL,
    // Row numbers locate rows in this one file, not the entry: stored, every entry below an inserted row
    // would show as "changed" in the next diff.
    raw: { groupId, rows: rows.map(({ row: _row, ...cells }) => cells) },
  };
  const remarks: string[] = [];
  const listed: string[] = [];
  for (const row of rows) {
    addAlias(
      entity.aliases,
      name,
      fullName(row.names),
      row.aliasQuality.toLowerCase().startsWith('low') ? 'weak' : 'strong',
    );
    addAlias(entity.aliases, name, row.nonLatinName, 'strong');
    for (const n of numberedValues(row.nationality)) addUnique(entity.countries, ukCountry(n));
    addIdentifiers(entity.identifiers, 'passport', row.passportNumber);
    // Firms' and ships' numbers are only in "Other Information"; Russians' INNs sit among national IDs.
    const nationalIds = nationalIdentifiers(row.nationalIdNumber, row.nationalIdDetails);
    const stated = [
      ...(entity.kind === 'person' ? personalIdentifiers(nationalIds) : nationalIds),
      ...otherInformationIdentifiers(row.otherInformation),
    ];
    for (const id of stated) addUnique(entity.identifiers, id, sameId);
    const address = ukAddress(row.addressLines, row.postCode, row.country);
    if (address) addUnique(entity.addresses, address, (a, b) => a.full === b.full);
    addUnique(entity.countries, address?.country);
    for (const dob of numberedValues(row.dob)) addUnique(entity.birthDates, ukDate(dob));
    addUnique(entity.programs, row.regime);
    addUnique(listed, ukDate(row.listedOn));
    addUnique(remarks, row.otherInformation);
  }
  const listedOn = listed.filter((d) => d.length === 10).sort()[0];
  if (listedOn) entity.listedOn = listedOn;
  if (remarks.length > 0) entity.remarks = remarks.join('\n');
  return entity;
}
