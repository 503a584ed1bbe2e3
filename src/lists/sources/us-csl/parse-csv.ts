import { createReadStream } from 'node:fs';
import { checkWidth, csvRows } from '../../formats/csv-rows.ts';
import { maybeGunzip } from '../../formats/gunzip.ts';
import type { CslAddress, CslId, CslRecord } from './record.ts';

const REQUIRED = ['_id', 'source', 'name', 'type', 'programs', 'addresses', 'alt_names', 'ids'];

/** Multi-valued CSV cells are "; "-joined. */
export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * An address cell is "street, city, postcode, CC" with the ISO country last. The parts are not labelled, so
 * only the country is taken apart; the rest stays as printed.
 */
export function addressFromText(text: string): CslAddress {
  const parts = text.split(',').map((p) => p.trim());
  const last = parts.at(-1) ?? '';
  const country = /^[A-Z]{2}$/.test(last) ? last : '';
  return { address: text, city: '', state: '', postalCode: '', country };
}

/**
 * An ids cell entry is "country, number, type" or "number, type" (OFAC's ID rows flattened). Numbers can hold
 * commas, so the country is taken from the front only when it is a 2-letter code and the type from the end.
 */
export function idFromText(text: string): CslId {
  const parts = text.split(', ');
  const type = parts.length > 1 ? (parts.pop() ?? '') : '';
  const country = parts.length > 1 && /^[A-Z]{2}$/.test(parts[0] ?? '') ? (parts.shift() ?? '') : '';
  return { type: type.trim(), number: parts.join(', ').trim(), country };
}

/** Streams consolidated.csv (plain or gzip); a row whose width differs from the header's throws. */
export async function* parseCslCsv(file: string): AsyncGenerator<CslRecord> {
  let columns: Map<string, number> | undefined;
  let width = 0;
  let line = 0;
  for await (const cells of csvRows(maybeGunzip(createReadStream(file), file), file)) {
    line++;
    if (!columns) {
      columns = new Map(cells.map((c, i) => [c.trim(), i]));
      width = cells.length;
      const missing = REQUIRED.filter((c) => !columns?.has(c));
      if (missing.length > 0) throw new Error(`${file}: not a CSL header (missing ${missing.join(', ')})`);
      continue;
    }
    checkWidth(cells, width, line - 1, file);
    const map = columns;
    const cell = (name: string) => (cells[map.get(name) ?? -1] ?? '').trim();
    yield {
      id: cell('_id'),
      source: cell('source'),
      entityNumber: cell('entity_number'),
      type: cell('type'),
      programs: splitList(cell('programs')),
      name: cell('name'),
      title: cell('title'),
      addresses: splitList(cell('addresses')).map(addressFromText),
      federalRegisterNotice: cell('federal_register_notice'),
      startDate: cell('start_date'),
      endDate: cell('end_date'),
      licenseRequirement: cell('license_requirement'),
      licensePolicy: cell('license_policy'),
      vesselFlag: cell('vessel_flag'),
      remarks: cell('remarks'),
      altNames: splitList(cell('alt_names')),
      citizenships: splitList(cell('citizenships')),
      datesOfBirth: splitList(cell('dates_of_birth')),
      nationalities: splitList(cell('nationalities')),
      placesOfBirth: splitList(cell('places_of_birth')),
      sourceInformationUrl: cell('source_information_url'),
      ids: splitList(cell('ids')).map(idFromText),
    };
  }
  if (!columns) throw new Error(`${file}: empty file`);
}
