import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { filesByLowerName } from '../us-ofac-sdn/files.ts';
import type { OfacXmlMeta, OfacXmlRecord } from '../us-ofac-sdn/parse-xml.ts';
import { parseOfacXml } from '../us-ofac-sdn/parse-xml.ts';
import { readLegacySet } from '../us-ofac-sdn/read-legacy.ts';
import { files } from './download.ts';
import { mapConsXmlRecord, SOURCE_ID } from './map.ts';
import { parseEnhancedZip } from './parse.ts';

async function* fromXml(
  records: (meta: OfacXmlMeta) => AsyncGenerator<OfacXmlRecord>,
  file: string,
  report: ParseReport,
): AsyncGenerator<ListEntity> {
  const meta: OfacXmlMeta = {};
  for await (const record of records(meta)) {
    report.recordsSeen++;
    if (meta.publishedAt) report.publishedAt = meta.publishedAt;
    const result = mapConsXmlRecord(record);
    if ('skipped' in result) {
      report.recordsSkipped++;
      report.warnings.push(`${file} record ${report.recordsSeen}: ${result.skipped}; skipped`);
    } else yield result.entity;
  }
  if (meta.publishedAt) report.publishedAt = meta.publishedAt;
}

function fromFile(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const file = basename(path);
  const name = file.toLowerCase();
  if (name.endsWith('.zip')) return fromXml((meta) => parseEnhancedZip(path, meta), file, report);
  if (name.endsWith('.xml')) {
    const chunks = () => createReadStream(path, { encoding: 'utf8' });
    return fromXml((meta) => parseOfacXml(chunks(), file, meta), file, report);
  }
  if (name.endsWith('.csv')) return readLegacySet({ primary: path }, SOURCE_ID, report);
  throw new Error(
    `${SOURCE_ID}: cannot tell the format of ${file} (expected cons_prim.csv or CONS_ENHANCED.ZIP)`,
  );
}

async function* read(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const dir = await filesByLowerName(path);
  if (!dir) {
    yield* fromFile(path, report);
    return;
  }
  // The CSV set and the zip hold the same list; the CSV set is the default download, so it wins.
  const primary = dir.get('cons_prim.csv');
  if (primary) {
    const set = {
      primary,
      addresses: dir.get('cons_add.csv'),
      aliases: dir.get('cons_alt.csv'),
      comments: dir.get('cons_comments.csv'),
    };
    yield* readLegacySet(set, SOURCE_ID, report);
    return;
  }
  const enhanced = dir.get('cons_enhanced.zip') ?? dir.get('cons_enhanced.xml');
  if (!enhanced) throw new Error(`${SOURCE_ID}: ${path} holds neither cons_prim.csv nor CONS_ENHANCED.ZIP`);
  yield* fromFile(enhanced, report);
}

export const source: ListSource = {
  id: SOURCE_ID,
  title: 'OFAC Consolidated Sanctions List (non-SDN lists)',
  authority: 'U.S. Department of the Treasury, Office of Foreign Assets Control',
  pageUrl: 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists',
  files,
  read,
};
