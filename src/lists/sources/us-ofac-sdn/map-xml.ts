import { countryCode } from '../../../entity/countries.ts';
import type { EntityAddress } from '../../../entity/list-entity.ts';
import { ofacDates } from './dates.ts';
import { detailsUrl, EntityParts, kindOf, type MapResult } from './entity-parts.ts';
import { classifyIdentifier, isIdentifierLabel, labelKey } from './identifier-label.ts';
import type { SdnXmlEntry, XmlFields } from './parse-sdn-xml.ts';

// The CSV and the PDF print individuals as "LAST, First"; the XML splits them, so join them the same way.
function fullName(f: { firstName?: string | undefined; lastName?: string | undefined }): string | undefined {
  if (f.lastName && f.firstName) return `${f.lastName}, ${f.firstName}`;
  return f.lastName ?? f.firstName;
}

function address(a: XmlFields): EntityAddress | undefined {
  const keys = ['address1', 'address2', 'address3', 'city', 'stateOrProvince', 'postalCode', 'country'];
  const full = keys.flatMap((k) => a[k] ?? []).join(', ');
  if (!full) return undefined;
  const country = a.country ? countryCode(a.country) : undefined;
  return { full, ...(a.city ? { city: a.city } : {}), ...(country ? { country } : {}) };
}

/** A legacy sdn.xml entry → the common model. */
export function mapSdnXmlEntry(entry: SdnXmlEntry, source: string): MapResult {
  const name = fullName(entry);
  if (!entry.uid || !/^\d+$/.test(entry.uid)) return { skipped: `uid "${entry.uid ?? ''}" is not a number` };
  if (!name) return { skipped: `uid ${entry.uid} has no name` };
  const parts = new EntityParts(name);
  for (const aka of entry.akas)
    parts.alias(fullName(aka), aka.category?.toLowerCase() === 'weak' ? 'weak' : 'strong');

  const addresses = entry.addresses.flatMap((a) => address(a) ?? []);
  for (const a of addresses) parts.country(a.country);
  for (const c of [...entry.nationalities, ...entry.citizenships]) parts.country(countryCode(c));
  for (const id of entry.ids) {
    const type = id.idType ?? '';
    const country = id.idCountry ? countryCode(id.idCountry) : undefined;
    // The newer sdn.xml files carry remark-like facts as idList items too.
    if (labelKey(type) === 'nationality of registration') parts.country(country);
    else if (labelKey(type) === 'organization established date') {
      for (const d of ofacDates(id.idNumber ?? '')) parts.birthDate(d);
    } else if (id.idNumber && isIdentifierLabel(type))
      parts.identifier(classifyIdentifier(type, id.idNumber, country));
  }
  for (const dob of entry.datesOfBirth) for (const d of ofacDates(dob)) parts.birthDate(d);
  const vessel = entry.vesselInfo;
  if (vessel?.vesselFlag) parts.country(countryCode(vessel.vesselFlag));
  if (vessel?.callSign) parts.identifier({ type: 'other', value: vessel.callSign, label: 'Call Sign' });

  return {
    entity: {
      source,
      entryId: entry.uid,
      kind: kindOf(entry.sdnType),
      name,
      aliases: parts.aliases,
      countries: parts.countries,
      identifiers: parts.identifiers,
      addresses,
      birthDates: parts.birthDates,
      programs: entry.programs,
      ...(entry.remarks ? { remarks: entry.remarks } : {}),
      url: detailsUrl(entry.uid),
      raw: entry,
    },
  };
}
