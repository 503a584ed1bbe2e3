import type { ListEntity } from '../entity/list-entity.ts';
import { readCsvUpload } from './csv-upload.ts';
import { type CustomRowInput, customRowToEntity, type RowError } from './custom-row.ts';

export type { RowError } from './custom-row.ts';

export interface UploadResult {
  entities: ListEntity[];
  errors: RowError[];
}

interface NumberedRow {
  row: number;
  input: CustomRowInput;
  raw: unknown;
}

/**
 * JSON layout: an array of `{id, name, kind?, aliases?, countries?, identifiers?: [{type, value, country?}],
 * birthDate?, programs?, remarks?}`. Row numbers in errors are 1-based positions in the array.
 */
function readJsonUpload(body: string): { rows: NumberedRow[]; errors: RowError[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { rows: [], errors: [{ row: 0, message: `file: not valid JSON (${(err as Error).message})` }] };
  }
  if (!Array.isArray(parsed))
    return { rows: [], errors: [{ row: 0, message: 'file: expected a JSON array of entries' }] };
  const rows: NumberedRow[] = [];
  const errors: RowError[] = [];
  parsed.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ row: i + 1, message: 'row: expected an object' });
      return;
    }
    rows.push({ row: i + 1, input: item as CustomRowInput, raw: item });
  });
  return { rows, errors };
}

/**
 * A tenant's watchlist upload → entities of source `custom:<watchlistId>`, plus one error per bad row and
 * field. Pure. Every row is judged on its own: a bad row never takes a valid one down with it; of two rows
 * sharing an id the first is kept and the later one is reported.
 */
export function parseWatchlistUpload(body: string, contentType: string, watchlistId: string): UploadResult {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  const read =
    mediaType === 'text/csv'
      ? readCsvUpload(body)
      : mediaType === 'application/json'
        ? readJsonUpload(body)
        : undefined;
  if (!read) {
    return { entities: [], errors: [{ row: 0, message: `file: unsupported content type "${contentType}"` }] };
  }
  const source = `custom:${watchlistId}`;
  const entities: ListEntity[] = [];
  const errors = [...read.errors];
  const firstRowOf = new Map<string, number>();
  for (const { row, input, raw } of read.rows) {
    const result = customRowToEntity(input, row, source, raw);
    if (Array.isArray(result)) {
      errors.push(...result);
      continue;
    }
    const first = firstRowOf.get(result.entryId);
    if (first !== undefined) {
      errors.push({ row, message: `id: "${result.entryId}" is already used on row ${first}` });
      continue;
    }
    firstRowOf.set(result.entryId, row);
    entities.push(result);
  }
  errors.sort((a, b) => a.row - b.row);
  return { entities, errors };
}
