import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { publishDate } from './dates.ts';
import { addCountryRef, type CountryRefs, type EnhancedEntity, toEnhancedEntity } from './parse-enhanced.ts';
import { type SdnXmlEntry, toSdnXmlEntry } from './parse-sdn-xml.ts';
import { xmlSubtrees } from './xml-subtrees.ts';

export type OfacXmlRecord =
  | { format: 'sdn-xml'; entry: SdnXmlEntry }
  | { format: 'enhanced'; entity: EnhancedEntity };

/** What the XML says about itself; filled while records stream. */
export interface OfacXmlMeta {
  publishedAt?: string;
}

// Both OFAC XML layouts share this reader: legacy sdn.xml has Publish_Date and sdnEntry, ENHANCED_XML has
// dataAsOf, referenceValue and entity. The names do not overlap, so one pass handles either file.
const WANTED = new Set(['Publish_Date', 'sdnEntry', 'dataAsOf', 'referenceValue', 'entity']);

export async function* parseOfacXml(
  chunks: AsyncIterable<string>,
  file: string,
  meta: OfacXmlMeta,
): AsyncGenerator<OfacXmlRecord> {
  const refs: CountryRefs = new Map();
  for await (const node of xmlSubtrees(chunks, WANTED, file)) {
    if (node.name === 'sdnEntry') yield { format: 'sdn-xml', entry: toSdnXmlEntry(node) };
    else if (node.name === 'entity') yield { format: 'enhanced', entity: toEnhancedEntity(node, refs) };
    else if (node.name === 'referenceValue') addCountryRef(refs, node);
    else {
      const date = publishDate(node.text);
      if (date) meta.publishedAt = date;
    }
  }
}

export function parseOfacXmlFile(path: string, meta: OfacXmlMeta): AsyncGenerator<OfacXmlRecord> {
  return parseOfacXml(createReadStream(path, { encoding: 'utf8' }), basename(path), meta);
}
