import { xlsxRows } from '../../formats/xlsx-rows.ts';
import type { UkFileInfo } from './conlist-csv.ts';
import { type ConListRow, conListColumns, conListRow } from './conlist-row.ts';
import { ukDate } from './uk-date.ts';

/**
 * Rows of the ConList published as XLSX: the same layout as the CSV (row 1 "Last Updated" + date, row 2 the
 * header). Rows are padded to the header's width because XLSX leaves trailing blank cells out; a truncated
 * workbook is caught by the zip and XML readers instead of by a short row.
 */
export async function* conListXlsxRows(
  file: string,
  strings: string[],
  info: UkFileInfo,
): AsyncGenerator<ConListRow> {
  let columns: Map<string, number> | undefined;
  let line = 0;
  for await (const cells of xlsxRows(file, strings)) {
    line++;
    if (line === 1) {
      if (cells[0]?.trim() !== 'Last Updated')
        throw new Error(`${file}: first row is not "Last Updated | <date>"`);
      const published = ukDate(cells[1] ?? '');
      if (published) info.publishedAt = published;
      continue;
    }
    if (!columns) {
      columns = conListColumns(cells, file);
      continue;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    yield conListRow(cells, columns, line - 2);
  }
  if (!columns) throw new Error(`${file}: no header row`);
}
