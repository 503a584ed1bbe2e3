import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';

/**
 * One row of an OpenSanctions EU Official Journal CSV: one designation of one entity in one annex. Both layouts
 * (consolidated: `celex`; amendments: `amendedCelex`, `amendmentCelex`) are read into this shape; `celex` is
 * always the framework act the annex belongs to.
 */
export interface EuOjRow {
  file: string;
  /** 1-based data row number in the file (header excluded), for warnings. */
  row: number;
  celex: string;
  /** The amending act that added or changed the row; absent for consolidated texts. */
  amendmentCelex?: string;
  recordId: string;
  programKey: string;
  annex: string;
  measure: string;
  startDate: string;
  reason: string;
  schema: string;
  name: string;
  /** Every other column, as printed (multi-valued ones still `; `-joined; see splitCellValues). */
  fields: Record<string, string>;
}

export type EuOjLayout = 'consolidated' | 'amendment';

const REQUIRED = ['recordId', 'programKey', 'annex', 'measure', 'startDate', 'schema', 'name'];

function layoutOf(header: string[], file: string): EuOjLayout {
  const layout =
    header[0] === 'celex' ? 'consolidated' : header[0] === 'amendedCelex' ? 'amendment' : undefined;
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (!layout || missing.length > 0 || (layout === 'amendment' && !header.includes('amendmentCelex'))) {
    throw new Error(
      `${file}: not an EU Official Journal CSV (header starts "${header.slice(0, 3).join(',')}"; missing ${missing.join(', ') || 'celex/amendedCelex'})`,
    );
  }
  return layout;
}

/** Reads only the first line: the index must know which files are amendments before streaming the rest. */
export async function peekLayout(file: string): Promise<EuOjLayout> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const firstLine =
      buf
        .subarray(0, bytesRead)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    return layoutOf(firstLine.split(','), file);
  } finally {
    await handle.close();
  }
}

/**
 * Streams the rows of one file. csv-parse rejects a row whose column count differs from the header and an
 * unterminated quoted cell, which is how a truncated download shows up; both become an Error naming the file.
 */
export async function* parseEuOjCsv(file: string): AsyncGenerator<EuOjRow> {
  const parser = createReadStream(file).pipe(parse({ bom: true, columns: false, skip_empty_lines: true }));
  let header: string[] | undefined;
  let layout: EuOjLayout | undefined;
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = cells;
        layout = layoutOf(header, file);
        continue;
      }
      row++;
      const fields: Record<string, string> = {};
      header.forEach((column, i) => {
        fields[column] = (cells[i] ?? '').trim();
      });
      const take = (column: string): string => fields[column] ?? '';
      yield {
        file,
        row,
        celex: layout === 'amendment' ? take('amendedCelex') : take('celex'),
        ...(layout === 'amendment' ? { amendmentCelex: take('amendmentCelex') } : {}),
        recordId: take('recordId'),
        programKey: take('programKey'),
        annex: take('annex'),
        measure: take('measure'),
        startDate: take('startDate'),
        reason: take('reason'),
        schema: take('schema'),
        name: take('name'),
        fields,
      };
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(
      `${file}: malformed or truncated EU Official Journal CSV after data row ${row}: ${message}`,
    );
  }
  if (!header) throw new Error(`${file}: empty file, expected an EU Official Journal CSV header`);
}

/**
 * Splits a multi-valued cell on "; ". FORMAT.md: a single value that itself contains ";" or '"' is wrapped in
 * double quotes inside the cell (with doubled quotes), so separators inside such a quoted value do not split.
 */
export function splitCellValues(cell: string): string[] {
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '"') {
      if (quoted && cell[i + 1] === '"') {
        current += '"';
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (ch === ';' && !quoted) {
      values.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  values.push(current);
  return values.map((v) => v.trim()).filter((v) => v.length > 0);
}
