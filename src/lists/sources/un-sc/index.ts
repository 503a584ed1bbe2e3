import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { sourceFilesAt } from '../../source-files.ts';
import { files } from './download.ts';
import { mapUnRecord, PAGE_URL, SOURCE_ID } from './map.ts';
import { parseUnXml, type UnDocumentInfo } from './parse.ts';

async function* read(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const found = await sourceFilesAt(path, (name) => name.toLowerCase().endsWith('.xml'));
  // One consolidated file is the whole list; reading a second copy (an old download beside it) would double it.
  const file = found.find((f) => f.endsWith(files[0]!.fileName)) ?? found[0];
  if (!file) throw new Error(`${path}: no UN consolidated XML found`);
  const info: UnDocumentInfo = {};
  for await (const record of parseUnXml(file, info)) {
    if (info.generatedAt) report.publishedAt = info.generatedAt;
    report.recordsSeen++;
    const mapped = mapUnRecord(record);
    if ('skip' in mapped) {
      report.recordsSkipped++;
      report.warnings.push(mapped.skip);
      continue;
    }
    yield mapped;
  }
  if (info.generatedAt) report.publishedAt = info.generatedAt;
}

export const source: ListSource = {
  id: SOURCE_ID,
  title: 'UN Security Council Consolidated List',
  authority: 'United Nations Security Council',
  pageUrl: PAGE_URL,
  files,
  read,
};
