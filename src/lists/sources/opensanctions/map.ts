import type {
  EntityAddress,
  EntityIdentifier,
  EntityKind,
  EntityName,
  ListEntity,
} from '../../../entity/list-entity.ts';
import { detectScript } from '../../script.ts';
import type { Auxiliaries, Link, SanctionFacts } from './auxiliaries.ts';
import type { FtmEntity } from './parse.ts';
import { prop } from './parse.ts';

export const SOURCE_ID = 'opensanctions';

const KINDS: Record<string, EntityKind> = {
  Person: 'person',
  Company: 'organization',
  Organization: 'organization',
  LegalEntity: 'organization',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

/** FtM identifier properties → entity-model scheme (label kept for `other`). */
const ID_PROPS: [string, string, string?][] = [
  ['innCode', 'inn'],
  ['ogrnCode', 'ogrn'],
  ['kppCode', 'kpp'],
  ['leiCode', 'lei'],
  ['imoNumber', 'imo'],
  ['mmsi', 'mmsi'],
  ['swiftBic', 'swift'],
  ['passportNumber', 'passport'],
  ['idNumber', 'national_id'],
  ['taxNumber', 'tax_id'],
  ['vatCode', 'tax_id'],
  ['registrationNumber', 'registration'],
  ['okpoCode', 'other', 'OKPO'],
  ['uniqueEntityId', 'other', 'SAM UEI'],
  ['email', 'email'],
  ['website', 'website'],
  ['phone', 'phone'],
];

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?/;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function identifiers(e: FtmEntity, aux: Auxiliaries): EntityIdentifier[] {
  const out: EntityIdentifier[] = [];
  const add = (id: EntityIdentifier) => {
    if (!out.some((o) => o.type === id.type && o.value === id.value)) out.push(id);
  };
  for (const [property, type, label] of ID_PROPS) {
    // An Airplane's registrationNumber is its tail number, not a company register entry.
    const scheme =
      e.schema === 'Airplane' && property === 'registrationNumber' ? 'aircraft_registration' : type;
    for (const value of prop(e, property))
      add(label ? { type: scheme, value, label } : { type: scheme, value });
  }
  for (const doc of aux.documents.get(e.id) ?? []) {
    const id: EntityIdentifier = {
      type: doc.schema === 'Passport' ? 'passport' : 'national_id',
      value: doc.number,
    };
    if (doc.country) id.country = doc.country;
    if (doc.type) id.label = doc.type;
    add(id);
  }
  return out;
}

function addresses(e: FtmEntity, aux: Auxiliaries): EntityAddress[] {
  const out: EntityAddress[] = prop(e, 'addressEntity').flatMap((ref) => {
    const a = aux.addresses.get(ref);
    return a?.full ? [{ ...a }] : [];
  });
  for (const full of prop(e, 'address')) {
    if (!out.some((a) => a.full === full)) out.push({ full });
  }
  return out;
}

function aliases(e: FtmEntity, primary: string): EntityName[] {
  const out: EntityName[] = [];
  const add = (value: string, quality: EntityName['quality']) => {
    if (value !== primary && !out.some((a) => a.value === value))
      out.push({ value, quality, script: detectScript(value) });
  };
  for (const p of ['name', 'alias', 'previousName']) for (const v of prop(e, p)) add(v, 'strong');
  for (const v of prop(e, 'weakAlias')) add(v, 'weak');
  return out;
}

/**
 * Programme ids ("EU-UKR", "US-RUSHAR") are OpenSanctions' stable codes; a Sanction without one falls back to its
 * `program` text only when that is a label, since some authorities' program field holds a paragraph of legal text.
 */
function programsOf(e: FtmEntity, sanctions: SanctionFacts[]): string[] {
  const fromSanctions = sanctions.flatMap((s) =>
    s.programId.length > 0 ? s.programId : s.program.filter((p) => p.length <= 80),
  );
  return unique([...prop(e, 'programId'), ...fromSanctions]);
}

function linkRemark(link: Link, captions: Map<string, string>): string {
  const who = captions.get(link.other) ?? link.other;
  return `${link.phrase} ${who}${link.detail ? ` (${link.detail})` : ''}`;
}

function sanctionRemark(s: SanctionFacts): string {
  const since = s.listingDate[0] ?? s.startDate[0];
  const what = s.program[0] ?? s.programId[0] ?? 'sanctions';
  return `Sanctioned by ${s.authority[0] ?? 'unknown authority'}: ${what}${since ? ` (since ${since})` : ''}`;
}

/** One target entity with everything the first passes learnt about it. Pure: no I/O, no shared state. */
export function mapFtmEntity(
  e: FtmEntity,
  aux: Auxiliaries,
  captions: Map<string, string>,
): ListEntity | { skip: string } {
  const primary = e.caption?.trim() || prop(e, 'name')[0];
  if (!primary) return { skip: `${e.schema} ${e.id}: no name` };
  const sanctions = aux.sanctions.get(e.id) ?? [];
  const links = aux.links.get(e.id) ?? [];
  const addrs = addresses(e, aux);
  const countries = ['country', 'nationality', 'citizenship', 'jurisdiction', 'flag', 'mainCountry']
    .flatMap((p) => prop(e, p))
    .concat(addrs.flatMap((a) => (a.country ? [a.country] : [])))
    .map((c) => c.toUpperCase())
    .filter((c) => /^[A-Z]{2}$/.test(c));
  const listingDates = sanctions
    .flatMap((s) => [...s.listingDate, ...s.startDate])
    .map((d) => d.slice(0, 10))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const remarks = [
    ...(e.target === false
      ? ['Not a sanctions target itself: listed by OpenSanctions as a related party']
      : []),
    ...prop(e, 'position').map((p) => `Position: ${p}`),
    ...sanctions.map(sanctionRemark),
    ...links.map((l) => linkRemark(l, captions)),
  ];
  const entity: ListEntity = {
    source: SOURCE_ID,
    entryId: e.id,
    kind: KINDS[e.schema] ?? 'unknown',
    name: primary,
    aliases: aliases(e, primary),
    countries: unique(countries),
    identifiers: identifiers(e, aux),
    addresses: addrs,
    birthDates: unique(prop(e, 'birthDate').flatMap((d) => ISO_DATE.exec(d)?.[0] ?? [])),
    programs: programsOf(e, sanctions),
    url:
      sanctions.flatMap((s) => s.sourceUrl)[0] ??
      `https://www.opensanctions.org/entities/${encodeURIComponent(e.id)}/`,
    raw: { entity: e, sanctions, links },
  };
  if (listingDates[0]) entity.listedOn = listingDates[0];
  if (remarks.length > 0) entity.remarks = remarks.join('\n');
  return entity;
}
