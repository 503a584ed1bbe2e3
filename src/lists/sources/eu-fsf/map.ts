import { countryCode } from '../../../entity/countries.ts';
import type {
  EntityAddress,
  EntityIdentifier,
  EntityKind,
  EntityName,
  ListEntity,
} from '../../../entity/list-entity.ts';
import { parsePrintedDate } from '../../printed-dates.ts';
import { detectScript } from '../../script.ts';
import type { FsfBirthdate, FsfPlace, FsfRecord } from './record.ts';

export const SOURCE_ID = 'eu-fsf';

const KINDS: Record<string, EntityKind> = { person: 'person', enterprise: 'organization' };

/** FSF identificationTypeCode → entity-model scheme; anything else keeps `other` with the FSF description. */
const ID_TYPES: Record<string, string> = {
  passport: 'passport',
  travel: 'passport',
  id: 'national_id',
  ssn: 'national_id',
  fiscalcode: 'tax_id',
  tin: 'tax_id',
  regnumber: 'registration',
  swiftbic: 'swift',
  imo: 'imo',
};

/** FSF writes "00" / "UNKNOWN" where the country is not known. */
function countryOf(p: FsfPlace): string | undefined {
  const iso = p.countryIso2Code.toUpperCase();
  if (/^[A-Z]{2}$/.test(iso) && iso !== 'XX') return iso;
  return p.countryDescription && p.countryDescription !== 'UNKNOWN'
    ? countryCode(p.countryDescription)
    : undefined;
}

function birthDateOf(b: FsfBirthdate): string | undefined {
  if (b.birthdate) return parsePrintedDate(b.birthdate);
  if (!/^\d{4}$/.test(b.year)) return undefined;
  const month = Number(b.monthOfYear);
  const day = Number(b.dayOfMonth);
  if (month >= 1 && month <= 12) {
    const ym = `${b.year}-${String(month).padStart(2, '0')}`;
    return day >= 1 ? (parsePrintedDate(`${ym}-${String(day).padStart(2, '0')}`) ?? ym) : ym;
  }
  return b.year;
}

function identifierOf(i: FsfRecord['identifications'][number]): EntityIdentifier | undefined {
  if (!i.number) return undefined;
  const type = ID_TYPES[i.identificationTypeCode.toLowerCase()] ?? 'other';
  const id: EntityIdentifier = { type, value: i.number };
  const country = countryOf(i);
  if (country) id.country = country;
  if (type === 'other') id.label = i.identificationTypeDescription || i.identificationTypeCode;
  return id;
}

function addressOf(a: FsfRecord['addresses'][number]): EntityAddress | undefined {
  const full = [
    a.street,
    a.poBox,
    [a.zipCode, a.city].filter(Boolean).join(' '),
    a.region,
    a.place,
    a.countryDescription,
  ]
    .filter((p) => p && p !== 'UNKNOWN')
    .join(', ');
  if (!full) return undefined;
  const out: EntityAddress = { full };
  if (a.city) out.city = a.city;
  const country = countryOf(a);
  if (country) out.country = country;
  return out;
}

/**
 * The listing date: `designationDate` when the export carries it, else the earliest publication date of the
 * regulations listed with the entity (the act that first named it).
 */
function listedOnOf(r: FsfRecord): string | undefined {
  const candidates = [r.designationDate, ...r.regulations.map((g) => g.publicationDate)]
    .map((d) => parsePrintedDate(d))
    .filter((d): d is string => d?.length === 10);
  if (r.designationDate && candidates[0]) return candidates[0];
  return candidates.sort()[0];
}

export function mapFsfRecord(r: FsfRecord): ListEntity | { skip: string } {
  if (!r.logicalId) return { skip: 'sanctionEntity without logicalId' };
  const named = r.names.filter((n) => n.wholeName);
  const primary = named.find((n) => n.strong) ?? named[0];
  if (!primary) return { skip: `entity ${r.logicalId}: no name` };
  const aliases: EntityName[] = [];
  for (const n of named) {
    if (n.wholeName === primary.wholeName || aliases.some((x) => x.value === n.wholeName)) continue;
    aliases.push({
      value: n.wholeName,
      quality: n.strong ? 'strong' : 'weak',
      script: detectScript(n.wholeName),
    });
  }
  const addresses = r.addresses.map(addressOf).filter((a): a is EntityAddress => a !== undefined);
  const countries = [...r.citizenships.map(countryOf), ...addresses.map((a) => a.country)].filter(
    (c): c is string => c !== undefined,
  );
  const functions = [...new Set(named.map((n) => n.function).filter(Boolean))];
  const remarks = [...functions, ...r.remarks].join('\n');
  const entity: ListEntity = {
    source: SOURCE_ID,
    entryId: r.logicalId,
    kind: KINDS[r.subjectType.toLowerCase()] ?? 'unknown',
    name: primary.wholeName,
    aliases,
    countries: [...new Set(countries)],
    identifiers: r.identifications.map(identifierOf).filter((i): i is EntityIdentifier => i !== undefined),
    addresses,
    birthDates: [...new Set(r.birthdates.map(birthDateOf).filter((d): d is string => d !== undefined))],
    programs: [...new Set(r.regulations.map((g) => g.programme).filter(Boolean))].map((p) => `EU-${p}`),
    raw: r,
  };
  const listedOn = listedOnOf(r);
  if (listedOn) entity.listedOn = listedOn;
  if (remarks) entity.remarks = remarks;
  const url = r.regulations.find((g) => g.publicationUrl)?.publicationUrl;
  if (url) entity.url = url;
  return entity;
}
