import { parse } from 'csv-parse';
import {
  isIsoDate,
  readControlNumber,
  readTariffCode,
  rowIdentity,
  type TableJurisdiction,
  type TableMeasure,
  type TariffSystem,
  type TenantGoodsRow,
} from '../goods/index.ts';

/**
 * The goods-table CSV layout (openapi.yaml, PUT /goods-tables/{tableId}/rows, documents each column with an
 * example). Columns in any order; unknown columns are refused, so a misspelt `valid_untill` cannot silently
 * leave a row in force for ever.
 */
export const GOODS_TABLE_COLUMNS = [
  'code',
  'code_system',
  'destination',
  'measure',
  'jurisdiction',
  'legal_basis',
  'source',
  'valid_from',
  'valid_to',
  'note',
] as const;
const REQUIRED = ['code', 'destination', 'measure', 'legal_basis', 'source', 'valid_from'] as const;

/** Bounds of one upload: past them the file is refused, not truncated (a partial table would clear goods). */
export const MAX_ROWS = 10_000;
export const MAX_BYTES = 1024 * 1024;

/** One bad cell (or line, or the file as a whole when `line` is 0), named as the officer sees the file. */
export interface CellError {
  line: number;
  column: string;
  message: string;
}

const SYSTEMS = new Set<string>(['HS', 'CN', 'TARIC', 'HTS']);
const JURISDICTIONS = new Set<string>(['EU', 'US', 'UK']);
const PLACE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const MAX_TEXT = 500;
const MAX_NOTE = 1000;

/** `licence required`, `License-Required` and `licence_required` are one measure; anything else is an error. */
function measureOf(raw: string): TableMeasure | undefined {
  const value = raw
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace('license', 'licence');
  return value === 'block' || value === 'review' || value === 'licence_required' ? value : undefined;
}

type Cells = Readonly<Record<string, string>>;

/** One data line to a row, or every problem of it (all of them, so one correction round fixes the file). */
function readRow(cells: Cells, line: number): TenantGoodsRow | CellError[] {
  const errors: CellError[] = [];
  const fail = (column: string, message: string) => errors.push({ line, column, message });
  const text = (column: string, max: number): string => {
    const value = cells[column]?.trim() ?? '';
    if (value.length > max) fail(column, `is longer than ${max} characters`);
    return value;
  };
  for (const column of REQUIRED) if (!cells[column]?.trim()) fail(column, 'is required');

  // 20 characters: a finding's id carries the code, and a review names the finding by an id of at most 100.
  const rawCode = text('code', 20);
  const rawSystem = text('code_system', 10).toUpperCase();
  let code = '';
  let codeSystem: TariffSystem | undefined;
  if (rawSystem && !SYSTEMS.has(rawSystem)) fail('code_system', `"${rawSystem}" is not HS, CN, TARIC or HTS`);
  if (/^[\d.\s]+$/.test(rawCode)) {
    const digits = rawCode.replace(/[.\s]/g, '');
    // A chapter (2 digits) is a prefix the shipped readers never need but a team's table often does (ch. 88).
    const read =
      digits.length === 2
        ? ({ ok: true, digits } as const)
        : readTariffCode(rawCode, rawSystem as TariffSystem);
    if (!read.ok) fail('code', read.reason);
    else if (read.digits.length > 6 && !rawSystem) {
      fail(
        'code_system',
        `is required for the ${read.digits.length}-digit code ${rawCode}: CN and HTS differ`,
      );
    } else {
      code = read.digits;
      codeSystem = (rawSystem || 'HS') as TariffSystem;
    }
  } else if (rawCode) {
    const read = readControlNumber(rawCode);
    if (!read.ok) fail('code', `${read.reason}, nor a tariff code`);
    else if (rawSystem) fail('code_system', `must be empty for the control number ${read.value}`);
    else code = read.value;
  }

  const rawPlace = text('destination', 10).toUpperCase();
  if (rawPlace && rawPlace !== '*' && !PLACE.test(rawPlace))
    fail('destination', `"${rawPlace}" is not an ISO 3166 code (e.g. RU, UA-43) or *`);
  const rawMeasure = text('measure', 40);
  const measure = rawMeasure ? measureOf(rawMeasure) : undefined;
  if (rawMeasure && !measure) fail('measure', `"${rawMeasure}" is not block, review or licence_required`);
  const rawJurisdiction = text('jurisdiction', 10).toUpperCase();
  if (rawJurisdiction && !JURISDICTIONS.has(rawJurisdiction))
    fail('jurisdiction', `"${rawJurisdiction}" is not EU, US or UK (or empty)`);
  const legalBasis = text('legal_basis', MAX_TEXT);
  const source = text('source', MAX_TEXT);
  const validFrom = text('valid_from', 10);
  const validTo = text('valid_to', 10);
  if (validFrom && !isIsoDate(validFrom)) fail('valid_from', `"${validFrom}" is not a date YYYY-MM-DD`);
  if (validTo && !isIsoDate(validTo)) fail('valid_to', `"${validTo}" is not a date YYYY-MM-DD`);
  else if (validTo && isIsoDate(validFrom) && validTo < validFrom)
    fail('valid_to', `${validTo} is before valid_from ${validFrom}`);
  const note = text('note', MAX_NOTE);

  if (errors.length > 0 || !measure) return errors;
  return {
    line,
    code,
    ...(codeSystem ? { codeSystem } : {}),
    destination: rawPlace,
    measure,
    ...(rawJurisdiction ? { jurisdiction: rawJurisdiction as TableJurisdiction } : {}),
    legalBasis,
    source,
    validFrom,
    validTo: validTo || null,
    note: note || null,
  };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** Characters parsed, and rows checked, between two turns of the event loop (a few milliseconds each). */
const SLICE_CHARS = 16 * 1024;
const SLICE_ROWS = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The file's records, parsed a slice at a time: a full upload takes a few hundred milliseconds of CPU, which
 * must not hold every other request of this process (screenings of every tenant) for that long.
 */
async function readRecords(body: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  parser.on('data', (r: CsvRecord) => records.push(r));
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  // Rejected before it is awaited (a bad quote in the first slice): handled where it is awaited, below.
  finished.catch(() => {});
  for (let at = 0; at < body.length && !parser.destroyed; at += SLICE_CHARS) {
    parser.write(body.slice(at, at + SLICE_CHARS));
    await nextTurn();
  }
  if (!parser.destroyed) parser.end();
  await finished;
  return records;
}

/**
 * An uploaded goods table to its rows, or every error in it (no I/O; async only to yield between slices).
 * All or nothing: a table loaded without its bad rows would clear goods its author meant to control, so one
 * bad cell rejects the upload.
 */
export async function parseGoodsTable(
  body: string,
): Promise<{ rows: TenantGoodsRow[]; errors: CellError[] }> {
  let records: CsvRecord[];
  try {
    records = await readRecords(body);
  } catch (err) {
    // An unclosed quote leaves every later line boundary unknowable: the file is refused as a whole.
    const line = (err as { lines?: number }).lines ?? 0;
    return { rows: [], errors: [{ line, column: '', message: `not valid CSV (${(err as Error).message})` }] };
  }
  const [head, ...data] = records;
  if (!head)
    return { rows: [], errors: [{ line: 0, column: '', message: 'empty file: a header is required' }] };
  const header = head.record.map((h) => h.trim().toLowerCase());
  const errors: CellError[] = [];
  const known: readonly string[] = GOODS_TABLE_COLUMNS;
  header.forEach((h, i) => {
    if (!known.includes(h)) errors.push({ line: 1, column: h, message: `unknown column "${h}"` });
    else if (header.indexOf(h) !== i) errors.push({ line: 1, column: h, message: `column "${h}" twice` });
  });
  for (const column of REQUIRED)
    if (!header.includes(column)) errors.push({ line: 1, column, message: `missing column "${column}"` });
  if (errors.length > 0) return { rows: [], errors };
  if (data.length > MAX_ROWS) {
    const message = `the file has ${data.length} rows; a goods table has at most ${MAX_ROWS}`;
    return { rows: [], errors: [{ line: 0, column: '', message }] };
  }

  const rows: TenantGoodsRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const [i, { record, info }] of data.entries()) {
    if (i > 0 && i % SLICE_ROWS === 0) await nextTurn();
    const line = info.lines;
    if (record.length !== header.length) {
      const message = `has ${record.length} cells, the header has ${header.length}`;
      errors.push({ line, column: '', message });
      continue;
    }
    const cells = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
    const row = readRow(cells, line);
    if (Array.isArray(row)) {
      errors.push(...row);
      continue;
    }
    const identity = rowIdentity(row);
    const first = firstLineOf.get(identity);
    if (first !== undefined) {
      const message = `repeats line ${first} (same code, code_system, destination and valid_from)`;
      errors.push({ line, column: 'code', message });
      continue;
    }
    firstLineOf.set(identity, line);
    rows.push(row);
  }
  return errors.length > 0 ? { rows: [], errors } : { rows, errors };
}
