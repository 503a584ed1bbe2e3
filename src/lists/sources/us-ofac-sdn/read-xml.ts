import type { ListEntity, ParseReport } from '../../../entity/list-entity.ts';
import type { MapResult } from './entity-parts.ts';
import { mapEnhancedEntity } from './map-enhanced.ts';
import { mapSdnXmlEntry } from './map-xml.ts';
import { type OfacXmlMeta, parseOfacXml } from './parse-xml.ts';

/** Streams either OFAC XML layout into entities, filling the report as it goes. */
export async function* readOfacXml(
  chunks: AsyncIterable<string>,
  file: string,
  source: string,
  report: ParseReport,
): AsyncGenerator<ListEntity> {
  const meta: OfacXmlMeta = {};
  for await (const record of parseOfacXml(chunks, file, meta)) {
    report.recordsSeen++;
    if (meta.publishedAt) report.publishedAt = meta.publishedAt;
    const result: MapResult =
      record.format === 'sdn-xml'
        ? mapSdnXmlEntry(record.entry, source)
        : mapEnhancedEntity(record.entity, source);
    if ('skipped' in result) {
      report.recordsSkipped++;
      report.warnings.push(`${file} record ${report.recordsSeen}: ${result.skipped}; skipped`);
      continue;
    }
    yield result.entity;
  }
  if (meta.publishedAt) report.publishedAt = meta.publishedAt;
}
