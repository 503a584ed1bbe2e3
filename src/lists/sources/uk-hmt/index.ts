import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { sourceFilesAt } from '../../source-files.ts';
import { files } from './download.ts';
import { mapFcdoDesignation } from './fcdo-map.ts';
import { mapConListGroup, PAGE_URL, SOURCE_ID } from './map.ts';
import { parseUkFile, sniffUkFormat, UK_FORMATS, type UkFileInfo, type UkFormat } from './parse.ts';

/**
 * The one file to read at `path`. A directory may hold the same list as CSV and XLSX, or the ConList beside the
 * FCDO list; reading more than one would count every designation twice, so the preferred layout wins.
 */
async function pickFile(path: string): Promise<{ file: string; format: UkFormat }> {
  const candidates = await sourceFilesAt(path, (name) => /\.(csv|xlsx|xml)$/i.test(name));
  const found: { file: string; format: UkFormat }[] = [];
  for (const file of candidates) {
    const format = await sniffUkFormat(file);
    if (format) found.push({ file, format });
  }
  found.sort((a, b) => UK_FORMATS.indexOf(a.format) - UK_FORMATS.indexOf(b.format));
  const best = found[0];
  if (!best) throw new Error(`${path}: no OFSI ConList or UK Sanctions List file found`);
  return best;
}

async function* read(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const { file, format } = await pickFile(path);
  const info: UkFileInfo = {};
  for await (const record of parseUkFile(file, format, info)) {
    const rows = record.layout === 'conlist' ? record.rows.length : record.rowCount;
    report.recordsSeen += rows;
    const mapped =
      record.layout === 'conlist' ? mapConListGroup(record.rows) : mapFcdoDesignation(record.designation);
    if ('skip' in mapped) {
      // Records are rows, and every row of the designation is lost with it: one warning each, as the report asks.
      report.recordsSkipped += rows;
      for (let i = 1; i <= rows; i++) report.warnings.push(`${file}: ${mapped.skip} (row ${i} of ${rows})`);
      continue;
    }
    yield mapped;
  }
  if (info.publishedAt) report.publishedAt = info.publishedAt;
}

export const source: ListSource = {
  id: SOURCE_ID,
  title: 'UK financial sanctions (OFSI Consolidated List / FCDO UK Sanctions List)',
  authority: 'HM Treasury OFSI / FCDO',
  pageUrl: PAGE_URL,
  files,
  read,
};
