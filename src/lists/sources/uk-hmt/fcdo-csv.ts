import { createReadStream } from 'node:fs';
import { addUnique } from '../../alias-list.ts';
import { checkWidth, csvRows } from '../../formats/csv-rows.ts';
import { parsePrintedDate } from '../../printed-dates.ts';
import type { UkFileInfo } from './conlist-csv.ts';
import { emptyDesignation, type FcdoDesignation } from './fcdo-designation.ts';

/** One CSV row keyed by header name (the layout has ~60 columns and has grown before). */
export interface FcdoCsvRow {
  row: number;
  cells: Record<string, string>;
}

const REQUIRED = ['Unique ID', 'Name 6', 'Name type', 'Regime Name', 'Designation Type'];

/**
 * Rows of UK-Sanctions-List.csv. Line 1 is "Report Date: 13-Feb-2026" (the publish date), line 2 the header.
 * Each call re-reads the file, which the two-pass grouping relies on.
 */
export async function* fcdoCsvRows(file: string, info: UkFileInfo): AsyncGenerator<FcdoCsvRow> {
  let header: string[] | undefined;
  let line = 0;
  for await (const cells of csvRows(createReadStream(file), file)) {
    line++;
    if (line === 1) {
      const m = /^Report Date:\s*(.+)$/i.exec(cells[0]?.trim() ?? '');
      if (!m) throw new Error(`${file}: first line is not "Report Date: <date>"`);
      const published = parsePrintedDate((m[1] ?? '').replace(/-/g, ' '));
      if (published) info.publishedAt = published;
      continue;
    }
    if (!header) {
      header = cells.map((c) => c.trim());
      const missing = REQUIRED.filter((c) => !header?.includes(c));
      if (missing.length > 0)
        throw new Error(`${file}: not a UK Sanctions List header (missing ${missing.join(', ')})`);
      continue;
    }
    checkWidth(cells, header.length, line - 2, file);
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      record[name] = (cells[i] ?? '').trim();
    });
    yield { row: line - 2, cells: record };
  }
  if (!header) throw new Error(`${file}: no header row (empty or truncated file)`);
}

/** The rows of one Unique ID → one designation; values repeated across rows are kept once. */
export function designationFromCsv(rows: FcdoCsvRow[]): FcdoDesignation {
  const at = (row: FcdoCsvRow, name: string) => row.cells[name] ?? '';
  const first = rows[0] ?? { row: 0, cells: {} };
  const d = emptyDesignation(at(first, 'Unique ID'));
  d.ofsiGroupId = at(first, 'OFSI Group ID');
  d.unReferenceNumber = at(first, 'UN Reference Number');
  d.type = at(first, 'Designation Type');
  d.regime = at(first, 'Regime Name');
  d.designationSource = at(first, 'Designation source');
  d.sanctionsImposed = at(first, 'Sanctions Imposed');
  d.otherInformation = at(first, 'Other Information');
  d.statementOfReasons = at(first, 'UK Statement of Reasons');
  d.dateDesignated = at(first, 'Date Designated');
  d.lastUpdated = at(first, 'Last Updated');
  for (const row of rows) {
    const parts = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Name 6'].map((n) => at(row, n));
    const name = { parts, type: at(row, 'Name type'), strength: at(row, 'Alias strength') };
    addUnique(d.names, name, (a, b) => a.parts.join('|') === b.parts.join('|'));
    const lines = [1, 2, 3, 4, 5, 6].map((i) => at(row, `Address Line ${i}`));
    const address = {
      lines,
      postalCode: at(row, 'Address Postal Code'),
      country: at(row, 'Address Country'),
    };
    if ([...lines, address.postalCode, address.country].some(Boolean)) {
      addUnique(d.addresses, address, (a, b) => JSON.stringify(a) === JSON.stringify(b));
    }
    const add = (list: string[], column: string) => addUnique(list, at(row, column));
    add(d.nonLatinNames, 'Name non-latin script');
    add(d.dobs, 'D.O.B');
    add(d.nationalities, 'Nationality(/ies)');
    add(d.passports, 'Passport number');
    add(d.nationalIds, 'National Identifier number');
    add(d.positions, 'Position');
    add(d.phones, 'Phone number');
    add(d.emails, 'Email address');
    add(d.websites, 'Website');
    add(d.businessRegistrations, 'Business registration number (s)');
    add(d.imoNumbers, 'IMO number');
    add(d.flags, 'Current believed flag of ship');
  }
  return d;
}
