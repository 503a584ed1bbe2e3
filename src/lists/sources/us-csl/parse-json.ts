import { createReadStream } from 'node:fs';
import { maybeGunzip } from '../../formats/gunzip.ts';
import { jsonResults } from './json-results.ts';
import { addressFromText, idFromText, splitList } from './parse-csv.ts';
import type { CslAddress, CslId, CslRecord } from './record.ts';

type Json = Record<string, unknown>;

const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

/** The JSON gives most multi-valued fields as arrays, but some releases kept "; "-joined strings. */
function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter(Boolean);
  return splitList(str(v));
}

function addresses(v: unknown): CslAddress[] {
  if (!Array.isArray(v)) return list(v).map(addressFromText);
  return v.map((a) => {
    if (typeof a === 'string') return addressFromText(a);
    const o = (a ?? {}) as Json;
    return {
      address: str(o.address),
      city: str(o.city),
      state: str(o.state),
      postalCode: str(o.postal_code),
      country: str(o.country),
    };
  });
}

function ids(v: unknown): CslId[] {
  if (!Array.isArray(v)) return list(v).map(idFromText);
  return v.map((i) => {
    if (typeof i === 'string') return idFromText(i);
    const o = (i ?? {}) as Json;
    return { type: str(o.type), number: str(o.number), country: str(o.country) };
  });
}

/** Streams consolidated.json (plain or gzip) into the same records as the CSV. */
export async function* parseCslJson(file: string): AsyncGenerator<CslRecord> {
  for await (const value of jsonResults(maybeGunzip(createReadStream(file), file), file)) {
    const o = value as Json;
    yield {
      id: str(o._id ?? o.id),
      source: str(o.source),
      entityNumber: str(o.entity_number),
      type: str(o.type),
      programs: list(o.programs),
      name: str(o.name),
      title: str(o.title),
      addresses: addresses(o.addresses),
      federalRegisterNotice: str(o.federal_register_notice),
      startDate: str(o.start_date),
      endDate: str(o.end_date),
      licenseRequirement: str(o.license_requirement),
      licensePolicy: str(o.license_policy),
      vesselFlag: str(o.vessel_flag),
      remarks: str(o.remarks),
      altNames: list(o.alt_names),
      citizenships: list(o.citizenships),
      datesOfBirth: list(o.dates_of_birth),
      nationalities: list(o.nationalities),
      placesOfBirth: list(o.places_of_birth),
      sourceInformationUrl: str(o.source_information_url),
      ids: ids(o.ids),
    };
  }
}
