import { open } from 'node:fs/promises';
import { sharedStrings } from '../../formats/xlsx-rows.ts';
import { conListCsvRows, type UkFileInfo } from './conlist-csv.ts';
import type { ConListRow } from './conlist-row.ts';
import { conListXlsxRows } from './conlist-xlsx.ts';
import { designationFromCsv, fcdoCsvRows } from './fcdo-csv.ts';
import type { FcdoDesignation } from './fcdo-designation.ts';
import { fcdoXmlDesignations } from './fcdo-xml.ts';
import { groupRows } from './group-rows.ts';

export type { UkFileInfo } from './conlist-csv.ts';

/** The four UK layouts, in the order `read` prefers them when a directory holds several. */
export const UK_FORMATS = ['conlist-csv', 'conlist-xlsx', 'fcdo-csv', 'fcdo-xml'] as const;
export type UkFormat = (typeof UK_FORMATS)[number];

/**
 * Which layout a file is, from its first bytes: names are no guide (OFSI's XLSX has been mirrored as
 * "UK_Sanctions_List.xlsx", the FCDO list's own name, although it holds the ConList layout).
 */
export async function sniffUkFormat(file: string): Promise<UkFormat | undefined> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b) return 'conlist-xlsx';
    const text = head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (/^"?Last Updated"?,/.test(text)) return 'conlist-csv';
    if (/^"?Report Date:/.test(text)) return 'fcdo-csv';
    if (text.startsWith('<') && text.includes('<Designations')) return 'fcdo-xml';
    return undefined;
  } finally {
    await handle.close();
  }
}

export type UkRecord =
  | { layout: 'conlist'; rows: ConListRow[] }
  | { layout: 'fcdo'; designation: FcdoDesignation; rowCount: number };

/** One record per designation: a ConList Group ID's rows, or one FCDO designation. */
export async function* parseUkFile(
  file: string,
  format: UkFormat,
  info: UkFileInfo,
): AsyncGenerator<UkRecord> {
  switch (format) {
    case 'conlist-csv':
      for await (const rows of groupRows(() => conListCsvRows(file, info), groupKey))
        yield { layout: 'conlist', rows };
      return;
    case 'conlist-xlsx': {
      const strings = await sharedStrings(file);
      const rowsOf = () => conListXlsxRows(file, strings, info);
      for await (const rows of groupRows(rowsOf, groupKey)) yield { layout: 'conlist', rows };
      return;
    }
    case 'fcdo-csv': {
      const byId = (r: { row: number; cells: Record<string, string> }) =>
        r.cells['Unique ID'] || `row ${r.row}`;
      for await (const rows of groupRows(() => fcdoCsvRows(file, info), byId)) {
        yield { layout: 'fcdo', designation: designationFromCsv(rows), rowCount: rows.length };
      }
      return;
    }
    case 'fcdo-xml':
      for await (const designation of fcdoXmlDesignations(file, info))
        yield { layout: 'fcdo', designation, rowCount: 1 };
  }
}

/** A row without Group ID becomes its own group, so the mapper can skip it with a warning naming the row. */
function groupKey(row: ConListRow): string {
  return row.groupId || `row ${row.row}`;
}
