import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { parsePrintedDate } from '../../printed-dates.ts';
import { emptyRecord, type FsfPlace, type FsfRecord } from './record.ts';

type Row = Record<string, string>;

const REQUIRED = ['Entity_LogicalId', 'NameAlias_WholeName', 'Entity_SubjectType'];

function place(row: Row, prefix: string): FsfPlace {
  return {
    countryIso2Code: row[`${prefix}_CountryIso2Code`] ?? '',
    countryDescription: row[`${prefix}_CountryDescription`] ?? '',
  };
}

/**
 * Adds one CSV row to its entity. The CSV repeats every entity column on each row and puts one name, address,
 * birth date, identification or citizenship on it, each with its own `<Part>_LogicalId`; the same part can recur
 * on several rows, so parts are keyed by that id.
 */
function addRow(r: FsfRecord, row: Row, seen: Set<string>): void {
  const once = (part: string, id: string | undefined): boolean => {
    if (!id) return false;
    const key = `${part}:${id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  r.euReferenceNumber ||= row.Entity_EU_ReferenceNumber ?? '';
  r.unitedNationId ||= row.Entity_UnitedNationId ?? '';
  r.designationDate ||= row.Entity_DesignationDate ?? '';
  r.subjectType ||= row.Entity_SubjectType ?? '';
  const remark = row.Entity_Remark ?? '';
  if (remark && !r.remarks.includes(remark)) r.remarks.push(remark);
  const programme = row.Entity_Regulation_Programme ?? '';
  const numberTitle = row.Entity_Regulation_NumberTitle ?? '';
  if ((programme || numberTitle) && once('reg', `${programme}|${numberTitle}`)) {
    r.regulations.push({
      programme,
      numberTitle,
      publicationDate: row.Entity_Regulation_PublicationDate ?? '',
      regulationType: row.Entity_Regulation_Type ?? '',
      publicationUrl: row.Entity_Regulation_PublicationUrl ?? '',
    });
  }
  if (row.NameAlias_WholeName && once('name', row.NameAlias_LogicalId || row.NameAlias_WholeName)) {
    r.names.push({
      wholeName: row.NameAlias_WholeName,
      // The CSV has no `strong` column: every alias it prints is a full-quality name.
      strong: true,
      nameLanguage: row.NameAlias_NameLanguage ?? '',
      function: row.NameAlias_Function ?? '',
      gender: row.NameAlias_Gender ?? '',
    });
  }
  if (once('cit', row.Citizenship_LogicalId)) r.citizenships.push(place(row, 'Citizenship'));
  if (once('dob', row.BirthDate_LogicalId)) {
    r.birthdates.push({
      ...place(row, 'BirthDate'),
      birthdate: row.BirthDate_BirthDate ?? '',
      year: row.BirthDate_Year ?? '',
      monthOfYear: row.BirthDate_Month ?? '',
      dayOfMonth: row.BirthDate_Day ?? '',
      circa: /^(true|1)$/i.test(row.BirthDate_Circa ?? ''),
      city: row.BirthDate_City ?? '',
    });
  }
  if (once('id', row.Identification_LogicalId)) {
    r.identifications.push({
      ...place(row, 'Identification'),
      number: row.Identification_Number ?? '',
      identificationTypeCode: row.Identification_TypeCode ?? '',
      identificationTypeDescription: row.Identification_TypeDescription ?? '',
    });
  }
  if (once('addr', row.Address_LogicalId)) {
    r.addresses.push({
      ...place(row, 'Address'),
      street: row.Address_Street ?? '',
      city: row.Address_City ?? '',
      zipCode: row.Address_ZipCode ?? '',
      poBox: row.Address_PoBox ?? '',
      region: row.Address_Region ?? '',
      place: row.Address_Place ?? '',
    });
  }
}

/**
 * Streams FSF CSV 1.1 (`;`-separated) as one record per entity. The file lists an entity's rows together, so a
 * record is complete when the logical id changes; an id that comes back later means a reordered or spliced
 * file, which would otherwise silently split an entity in two, so it is rejected.
 */
export async function* parseFsfCsv(
  file: string,
  onGenerated: (iso: string) => void,
): AsyncGenerator<FsfRecord> {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, delimiter: ';', columns: true, skip_empty_lines: true, trim: true }),
  );
  let current: FsfRecord | undefined;
  let seenParts = new Set<string>();
  const finished = new Set<string>();
  let rowNo = 0;
  try {
    for await (const row of parser as AsyncIterable<Row>) {
      rowNo++;
      if (rowNo === 1) {
        const missing = REQUIRED.filter((c) => !(c in row));
        if (missing.length > 0) throw new Error(`not an FSF CSV 1.1 file (missing ${missing.join(', ')})`);
        const generated = parsePrintedDate(row.fileGenerationDate ?? '');
        if (generated) onGenerated(generated);
      }
      const id = row.Entity_LogicalId ?? '';
      if (current?.logicalId !== id) {
        if (current) {
          finished.add(current.logicalId);
          yield current;
        }
        if (finished.has(id)) throw new Error(`rows of entity ${id} are not contiguous (row ${rowNo})`);
        current = emptyRecord(id);
        seenParts = new Set();
      }
      addRow(current, row, seenParts);
    }
  } catch (err) {
    throw new Error(
      `${file}: malformed or truncated FSF CSV near data row ${rowNo}: ${(err as Error).message}`,
    );
  }
  if (!current) throw new Error(`${file}: no FSF CSV rows (empty or header only)`);
  yield current;
}
