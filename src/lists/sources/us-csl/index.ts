import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { sourceFilesAt } from '../../source-files.ts';
import { files } from './download.ts';
import { mapCslRecord, PAGE_URL, SOURCE_ID } from './map.ts';
import { parseCslFile } from './parse.ts';

/** CSV preferred over JSON: the same list in both would otherwise be counted twice. */
async function pickFile(path: string): Promise<string> {
  const found = await sourceFilesAt(path, (name) => /\.(csv|json)(\.gz)?$/i.test(name));
  const file = found.find((f) => /\.csv(\.gz)?$/i.test(f)) ?? found[0];
  if (!file) throw new Error(`${path}: no consolidated.csv or consolidated.json found`);
  return file;
}

async function* read(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const file = await pickFile(path);
  // Only ids are remembered (not entities): trade.gov has published the same row twice (CAP 15268 in 2022,
  // differing only in source_list_url), and a second entity under one entryId would break the diff.
  const seen = new Set<string>();
  for await (const record of parseCslFile(file)) {
    report.recordsSeen++;
    const mapped = mapCslRecord(record);
    if ('skip' in mapped || seen.has(mapped.entryId)) {
      report.recordsSkipped++;
      report.warnings.push(
        'skip' in mapped ? mapped.skip : `${mapped.entryId}: duplicate row, first one kept`,
      );
      continue;
    }
    seen.add(mapped.entryId);
    yield mapped;
  }
}

export const source: ListSource = {
  id: SOURCE_ID,
  title: 'US Consolidated Screening List',
  authority: 'US Department of Commerce, International Trade Administration',
  pageUrl: PAGE_URL,
  files,
  read,
};
