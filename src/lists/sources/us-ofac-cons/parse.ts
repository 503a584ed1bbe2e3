import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { type OfacXmlMeta, type OfacXmlRecord, parseOfacXml } from '../us-ofac-sdn/parse-xml.ts';

/**
 * Streams the text of the XML entry inside CONS_ENHANCED.ZIP without holding the archive or the document:
 * fflate's Unzip inflates each compressed chunk as it is read. A file that is not a zip, has no XML entry or
 * whose entry stops early throws.
 */
export async function* unzipXmlText(path: string): AsyncGenerator<string> {
  const file = basename(path);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const pending: string[] = [];
  let entry: string | undefined;
  let complete = false;
  let failure: unknown;
  const unzip = new Unzip((f) => {
    // Other entries are never started, so fflate skips their bytes.
    if (entry !== undefined || !f.name.toLowerCase().endsWith('.xml')) return;
    entry = f.name;
    f.ondata = (error, data, final) => {
      if (error) failure = error;
      else {
        pending.push(decoder.decode(data, { stream: !final }));
        if (final) complete = true;
      }
    };
    f.start();
  });
  unzip.register(UnzipInflate);
  const fail = (why: unknown) =>
    new Error(`${file}: bad zip: ${why instanceof Error ? why.message : String(why)}`, { cause: why });
  try {
    for await (const chunk of createReadStream(path)) {
      unzip.push(chunk as Buffer);
      if (failure) throw fail(failure);
      if (pending.length > 0) yield pending.splice(0).join('');
    }
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    throw error instanceof Error && error.message.startsWith(file) ? error : fail(error);
  }
  if (failure) throw fail(failure);
  if (pending.length > 0) yield pending.splice(0).join('');
  if (entry === undefined)
    throw new Error(`${file}: bad zip: no XML entry found (not a zip file, or an empty one)`);
  if (!complete) throw new Error(`${file}: bad zip: entry ${entry} is truncated`);
}

/** CONS_ENHANCED.ZIP → ENHANCED_XML records; `meta.publishedAt` is set from publicationInfo/dataAsOf. */
export function parseEnhancedZip(path: string, meta: OfacXmlMeta): AsyncGenerator<OfacXmlRecord> {
  return parseOfacXml(unzipXmlText(path), basename(path), meta);
}
