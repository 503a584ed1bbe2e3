import { countryCode } from '../../../entity/countries.ts';
import type { EntityAddress, EntityIdentifier, EntityKind, ListEntity } from '../../../entity/list-entity.ts';
import { addAlias, addUnique } from '../../alias-list.ts';
import { parsePrintedDate } from '../../printed-dates.ts';
import type { CslId, CslRecord } from './record.ts';

export const SOURCE_ID = 'us-csl';
export const PAGE_URL = 'https://www.trade.gov/consolidated-screening-list';

const KINDS: Record<string, EntityKind> = {
  individual: 'person',
  entity: 'organization',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** "Entity List (EL) - Bureau of Industry and Security" → "EL"; the sub-list's own abbreviation. */
export function listCode(source: string): string {
  const code = /\(([^)]+)\)/.exec(source)?.[1] ?? source;
  return code.replace(/\s+List$/i, '').replace(/\s+/g, '-');
}

/**
 * entryId is `<list code>:<_id>`, e.g. `SDN:21944` or `EL:4398d3…`. `_id` alone is stable but not unique: for
 * Treasury lists it is OFAC's ent_num, and one ent_num sits on several lists (71 ids in the 2022 file are on
 * SDN and CAP or NS-MBS at once). Keeping one entity per list membership also lets a hit say which list.
 */
export function cslEntryId(record: CslRecord): string {
  return `${listCode(record.source)}:${record.id}`;
}

const SCHEMES: [RegExp, string][] = [
  // Before 'registration': OFAC's "Vessel Registration Identification" holds the IMO number.
  [/\bimo\b|vessel registration/i, 'imo'],
  [/passport/i, 'passport'],
  [/national id|cedula|c\.u\.r\.p|identification number|personal id/i, 'national_id'],
  [/tax id|r\.f\.c|nit #|ruc #|v\.a\.t|inn\b|tin\b|unified social credit/i, 'tax_id'],
  [
    /registration|company number|commercial registry|folio mercantil|matricula|trade license/i,
    'registration',
  ],
  [/swift|bic/i, 'swift'],
  [/legal entity number|\blei\b/i, 'lei'],
  [/mmsi/i, 'mmsi'],
  [/aircraft tail|aircraft manufacturer's serial/i, 'aircraft_registration'],
  [/email/i, 'email'],
  [/website/i, 'website'],
  [/phone/i, 'phone'],
];

/** OFAC folds facts into its ID rows ("Male, Gender", listing dates, secondary-sanctions notes): not identifiers. */
const NOT_AN_IDENTIFIER =
  /gender|date|sanctions|prohibited|executive order|directive|model|type|operator|flag|issuer|information|ticker|isin/i;

export function identifierOf(id: CslId): EntityIdentifier | undefined {
  if (!id.number || /^-+$/.test(id.number)) return undefined;
  const scheme = SCHEMES.find(([re]) => re.test(id.type))?.[1];
  if (!scheme && NOT_AN_IDENTIFIER.test(id.type)) return undefined;
  const out: EntityIdentifier = { type: scheme ?? 'other', value: id.number.replace(/^IMO\s*/i, '') };
  if (id.country && countryCode(id.country)) out.country = countryCode(id.country);
  if (!scheme && id.type) out.label = id.type;
  return out;
}

/** "1962", "1962-02-05", "circa 1962" or "1966 to 1968" (each year of the range). */
export function birthDatesOf(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const range = /^(\d{4})\s+to\s+(\d{4})$/.exec(value.trim());
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      for (let y = from; y <= to && to - from <= 15; y++) addUnique(out, String(y));
      continue;
    }
    addUnique(out, parsePrintedDate(value));
  }
  return out;
}

export function mapCslRecord(record: CslRecord): ListEntity | { skip: string } {
  if (!record.id) return { skip: `"${record.name}" (${record.source}): no _id` };
  if (!record.name) return { skip: `${cslEntryId(record)}: no name` };
  const entity: ListEntity = {
    source: SOURCE_ID,
    entryId: cslEntryId(record),
    kind: KINDS[record.type.toLowerCase()] ?? 'unknown',
    name: record.name,
    aliases: [],
    countries: [],
    identifiers: [],
    addresses: [],
    birthDates: birthDatesOf(record.datesOfBirth),
    programs: [record.source, ...record.programs].filter(Boolean),
    url: record.sourceInformationUrl || PAGE_URL,
    raw: record,
  };
  // The CSL gives no alias quality; every listed alternate name is an official a.k.a. Entity List rows join the
  // last two names as "…; and NAME", which would otherwise leave "and" glued to an alias.
  for (const alt of record.altNames)
    addAlias(entity.aliases, record.name, alt.replace(/^and\s+/i, ''), 'strong');
  for (const c of [...record.citizenships, ...record.nationalities])
    addUnique(entity.countries, countryCode(c));
  for (const a of record.addresses) {
    const full = [a.address, a.city, a.state, a.postalCode, a.country].filter(Boolean).join(', ');
    if (!full) continue;
    const address: EntityAddress = { full: a.city || a.postalCode ? full : a.address };
    if (a.city) address.city = a.city;
    const country = a.country ? countryCode(a.country) : undefined;
    if (country) address.country = country;
    entity.addresses.push(address);
    addUnique(entity.countries, country);
  }
  for (const id of record.ids) {
    const identifier = identifierOf(id);
    if (identifier)
      addUnique(entity.identifiers, identifier, (a, b) => a.type === b.type && a.value === b.value);
  }
  const listedOn = parsePrintedDate(record.startDate);
  if (listedOn?.length === 10) entity.listedOn = listedOn;
  if (record.remarks) entity.remarks = record.remarks;
  return entity;
}
