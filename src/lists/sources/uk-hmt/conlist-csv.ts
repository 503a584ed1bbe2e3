import { createReadStream } from 'node:fs';
import { checkWidth, csvRows } from '../../formats/csv-rows.ts';
import { type ConListRow, conListColumns, conListRow } from './conlist-row.ts';
import { ukDate } from './uk-date.ts';

export interface UkFileInfo {
  /** ISO date printed in the file's preamble ("Last Updated" / "Report Date" / DateGenerated). */
  publishedAt?: string;
}

/**
 * Rows of ConList.csv. The first line is `Last Updated,dd/mm/yyyy` (the publish date), the second the header.
 * Each call re-reads the file, which the two-pass grouping relies on.
 */
export async function* conListCsvRows(file: string, info: UkFileInfo): AsyncGenerator<ConListRow> {
  let columns: Map<string, number> | undefined;
  let width = 0;
  let line = 0;
  for await (const cells of csvRows(createReadStream(file), file)) {
    line++;
    if (line === 1) {
      if (cells[0]?.trim() !== 'Last Updated')
        throw new Error(`${file}: first line is not "Last Updated,<date>"`);
      const published = ukDate(cells[1] ?? '');
      if (published) info.publishedAt = published;
      continue;
    }
    if (!columns) {
      columns = conListColumns(cells, file);
      width = cells.length;
      continue;
    }
    checkWidth(cells, width, line - 2, file);
    yield conListRow(cells, columns, line - 2);
  }
  if (!columns) throw new Error(`${file}: no header row (empty or truncated file)`);
}
