import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { sourceFilesAt } from '../../source-files.ts';
import { files } from './download.ts';
import { mapFsfRecord, SOURCE_ID } from './map.ts';
import { parseFsfCsv } from './parse-csv.ts';
import { parseFsfXml } from './parse-xml.ts';
import type { FsfRecord } from './record.ts';

/**
 * A directory may hold the XML, the CSV or both (the Commission publishes the same list in each); both would
 * list every entity twice, so the XML, which carries the `strong` flag the CSV lacks, is preferred when present.
 */
async function* readFsf(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const all = await sourceFilesAt(path, (name) => /\.(xml|csv)$/i.test(name));
  const xml = all.filter((f) => /\.xml$/i.test(f));
  const chosen = xml.length > 0 ? xml : all;
  if (chosen.length === 0) throw new Error(`${path}: no FSF XML or CSV file found`);
  const onGenerated = (iso: string) => {
    report.publishedAt = iso;
  };
  for (const file of chosen) {
    const records: AsyncIterable<FsfRecord> = /\.xml$/i.test(file)
      ? parseFsfXml(file, onGenerated)
      : parseFsfCsv(file, onGenerated);
    for await (const record of records) {
      report.recordsSeen++;
      const mapped = mapFsfRecord(record);
      if ('skip' in mapped) {
        report.recordsSkipped++;
        report.warnings.push(`${file}: ${mapped.skip}`);
        continue;
      }
      yield mapped;
    }
  }
}

export const source: ListSource = {
  id: SOURCE_ID,
  title: 'EU Consolidated Financial Sanctions List (FSF)',
  authority: 'European Commission (DG FISMA)',
  pageUrl:
    'https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions',
  files,
  read: readFsf,
};
