import { parse } from 'csv-parse/sync';
import type { CustomRowInput, RowError } from './custom-row.ts';

/**
 * Watchlist CSV layout (UTF-8, comma-separated, header row required; columns in any order; only id and name
 * are required):
 *   id,name,kind,aliases,country,identifiers,birth_date,program,remarks
 *   - kind: person | organization | vessel | aircraft (empty = unknown)
 *   - aliases: `|`-separated, e.g. `ACME Ltd|Acme Trading`
 *   - country: ISO alpha-2 or country name; several `|`-separated
 *   - identifiers: `scheme:value|scheme:value`, e.g. `inn:7701234567|imo:9000001` (value may contain ':')
 *   - birth_date: YYYY, YYYY-MM or YYYY-MM-DD
 *   - program: the tenant's own programme label(s), `|`-separated
 * Row numbers in errors are spreadsheet row numbers: the header is row 1, the first entry row 2.
 */
export const CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'aliases',
  'country',
  'identifiers',
  'birth_date',
  'program',
  'remarks',
];

export interface CsvRow {
  row: number;
  input: CustomRowInput;
  raw: Record<string, string>;
}

function pipeList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

function identifiersOf(cell: string | undefined): unknown[] {
  return pipeList(cell).map((pair) => {
    const colon = pair.indexOf(':');
    return colon < 0
      ? { type: '', value: pair }
      : { type: pair.slice(0, colon), value: pair.slice(colon + 1) };
  });
}

/** Returns the rows it could read plus errors for the file as a whole (bad header, broken quoting). */
export function readCsvUpload(body: string): { rows: CsvRow[]; errors: RowError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // relax_column_count: a short or long row becomes that row's problem, not the whole upload's.
    records = parse(body, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  } catch (err) {
    // An unclosed quote leaves every later row boundary unknowable, so the file is rejected as a whole.
    const line = (err as { lines?: number }).lines;
    return {
      rows: [],
      errors: [{ row: line ?? 0, message: `file: not valid CSV (${(err as Error).message})` }],
    };
  }
  const [head, ...data] = records;
  if (!head) return { rows: [], errors: [{ row: 0, message: 'file: empty upload, expected a header row' }] };
  const header = head.record.map((h) => h.trim().toLowerCase());
  const errors: RowError[] = [];
  for (const h of header)
    if (!CSV_COLUMNS.includes(h)) errors.push({ row: 1, message: `header: unknown column "${h}"` });
  for (const required of ['id', 'name']) {
    if (!header.includes(required))
      errors.push({ row: 1, message: `header: missing required column "${required}"` });
  }
  if (!header.includes('id') || !header.includes('name')) return { rows: [], errors };
  const rows: CsvRow[] = [];
  data.forEach(({ record, info }) => {
    const row = info.lines;
    if (record.length !== header.length) {
      errors.push({ row, message: `row: has ${record.length} cells, the header has ${header.length}` });
      return;
    }
    const cell: Record<string, string> = {};
    header.forEach((h, i) => {
      cell[h] = record[i] ?? '';
    });
    rows.push({
      row,
      raw: cell,
      input: {
        id: cell.id,
        name: cell.name,
        kind: cell.kind,
        aliases: pipeList(cell.aliases),
        countries: pipeList(cell.country),
        identifiers: identifiersOf(cell.identifiers),
        birthDate: cell.birth_date,
        programs: pipeList(cell.program),
        remarks: cell.remarks,
      },
    });
  });
  return { rows, errors };
}
