import { countryCode } from '../../../entity/countries.ts';
import type { EntityAddress, EntityIdentifier, ListEntity } from '../../../entity/list-entity.ts';
import { addAlias, addUnique } from '../../alias-list.ts';
import { textIdentifiers } from '../../labelled-identifiers.ts';
import { parsePrintedDate } from '../../printed-dates.ts';
import type { UnDateOfBirth, UnDocument, UnRecord } from './parse.ts';

export const SOURCE_ID = 'un-sc';
export const PAGE_URL = 'https://main.un.org/securitycouncil/content/un-sc-consolidated-list';

/** A BETWEEN range wider than this is a data error, not a set of plausible birth years. */
const MAX_YEAR_RANGE = 15;

function birthDates(dobs: UnDateOfBirth[]): string[] {
  const out: string[] = [];
  for (const dob of dobs) {
    if (dob.date) addUnique(out, parsePrintedDate(dob.date));
    else if (dob.year) addUnique(out, parsePrintedDate(dob.year));
    const from = Number(dob.fromYear);
    const to = Number(dob.toYear);
    if (dob.fromYear && dob.toYear && to >= from && to - from <= MAX_YEAR_RANGE) {
      for (let y = from; y <= to; y++) addUnique(out, String(y));
    }
  }
  return out;
}

const sameId = (a: EntityIdentifier, b: EntityIdentifier) => a.type === b.type && a.value === b.value;

/** The UN prints the document kind in English, French or Spanish depending on the committee's secretariat. */
function identifierType(doc: UnDocument): string {
  const label = `${doc.type} ${doc.type2}`.toLowerCase();
  if (/passport|pasaporte|passeport/.test(label)) return 'passport';
  if (/national identification|identity card|national id/.test(label)) return 'national_id';
  return 'other';
}

/**
 * Documents are the UN's structured identifiers; entities have none, so a DPRK bank's BIC and a shipping firm's
 * IMO company number are stated in COMMENTS1 ("… SWIFT/BIC: ABCDKPPY", "… IMO number: 5500039."). Only the
 * unambiguous labels of labelled-identifiers.ts are read there.
 */
function identifiers(docs: UnDocument[], comments: string): EntityIdentifier[] {
  const out: EntityIdentifier[] = [];
  for (const doc of docs) {
    if (!doc.number) continue;
    const type = identifierType(doc);
    const id: EntityIdentifier = { type, value: doc.number };
    const country = doc.issuingCountry ? countryCode(doc.issuingCountry) : undefined;
    if (country) id.country = country;
    if (type === 'other' && (doc.type || doc.type2))
      id.label = [doc.type, doc.type2].filter(Boolean).join(' / ');
    addUnique(out, id, sameId);
  }
  for (const id of textIdentifiers(comments)) addUnique(out, id, sameId);
  return out;
}

/**
 * The UN record → entity. entryId is REFERENCE_NUMBER (e.g. `QDi.001`), not DATAID: it is the identifier the UN
 * prints in press releases and that the EU, UK and OFAC lists cite, so an analyst can search it; it survives
 * amendments just as DATAID does. DATAID stays in `raw` and fills in if a record ever lacks a reference.
 */
export function mapUnRecord(record: UnRecord): ListEntity | { skip: string } {
  const name = record.names.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  const entryId = record.referenceNumber || record.dataId;
  if (!name) return { skip: `UN ${entryId || '(no id)'}: no name` };
  if (!entryId) return { skip: `UN "${name}": neither REFERENCE_NUMBER nor DATAID` };

  const aliases: ListEntity['aliases'] = [];
  for (const alias of record.aliases) {
    // Only individuals' aliases are graded; entity a.k.a./f.k.a. carry no quality judgement.
    addAlias(aliases, name, alias.name, alias.quality.toLowerCase() === 'low' ? 'weak' : 'strong');
  }
  addAlias(aliases, name, record.nameOriginalScript, 'strong');

  const countries: string[] = [];
  for (const nationality of record.nationalities) addUnique(countries, countryCode(nationality));
  const addresses: EntityAddress[] = [];
  for (const a of record.addresses) {
    const full = [a.street, a.city, a.stateProvince, a.zipCode, a.country].filter(Boolean).join(', ');
    if (!full) continue;
    const address: EntityAddress = { full };
    if (a.city) address.city = a.city;
    const country = a.country ? countryCode(a.country) : undefined;
    if (country) address.country = country;
    addresses.push(address);
    addUnique(countries, country);
  }

  const entity: ListEntity = {
    source: SOURCE_ID,
    entryId,
    kind: record.kind === 'INDIVIDUAL' ? 'person' : 'organization',
    name,
    aliases,
    countries,
    identifiers: identifiers(record.documents, record.comments),
    addresses,
    birthDates: birthDates(record.datesOfBirth),
    programs: record.unListType ? [record.unListType] : [],
    url: PAGE_URL,
    raw: record,
  };
  const listedOn = parsePrintedDate(record.listedOn);
  if (listedOn) entity.listedOn = listedOn;
  if (record.comments) entity.remarks = record.comments;
  return entity;
}
