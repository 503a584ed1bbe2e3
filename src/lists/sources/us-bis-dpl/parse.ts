import { createReadStream } from 'node:fs';
import { checkWidth, csvRows } from '../../formats/csv-rows.ts';

/** One dpl.txt row: one address of one denial order. */
export interface DplRow {
  row: number;
  name: string;
  streetAddress: string;
  city: string;
  state: string;
  country: string;
  postalCode: string;
  /** MM/DD/YYYY, as printed. */
  effectiveDate: string;
  expirationDate: string;
  standardOrder: string;
  /** YYYY-MM-DD. */
  lastUpdate: string;
  action: string;
  frCitation: string;
}

const COLUMNS = [
  'Name',
  'Street_Address',
  'City',
  'State',
  'Country',
  'Postal_Code',
  'Effective_Date',
  'Expiration_Date',
  'Standard_Order',
  'Last_Update',
  'Action',
  'FR_Citation',
] as const;

/** Streams dpl.txt: tab-delimited, every cell double-quoted, header first. */
export async function* parseDpl(file: string): AsyncGenerator<DplRow> {
  let columns: Map<string, number> | undefined;
  let width = 0;
  let line = 0;
  for await (const cells of csvRows(createReadStream(file), file, { delimiter: '\t' })) {
    line++;
    if (!columns) {
      columns = new Map(cells.map((c, i) => [c.trim(), i]));
      width = cells.length;
      const missing = COLUMNS.filter((c) => !columns?.has(c));
      if (missing.length > 0)
        throw new Error(`${file}: not a Denied Persons List header (missing ${missing.join(', ')})`);
      continue;
    }
    checkWidth(cells, width, line - 1, file);
    const map = columns;
    const cell = (name: (typeof COLUMNS)[number]) => (cells[map.get(name) ?? -1] ?? '').trim();
    yield {
      row: line - 1,
      name: cell('Name'),
      streetAddress: cell('Street_Address'),
      city: cell('City'),
      state: cell('State'),
      country: cell('Country'),
      postalCode: cell('Postal_Code'),
      effectiveDate: cell('Effective_Date'),
      expirationDate: cell('Expiration_Date'),
      standardOrder: cell('Standard_Order'),
      lastUpdate: cell('Last_Update'),
      action: cell('Action'),
      frCitation: cell('FR_Citation'),
    };
  }
  if (!columns) throw new Error(`${file}: empty file`);
}
