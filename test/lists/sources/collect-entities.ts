import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type ListEntity,
  type ListSource,
  newParseReport,
  type ParseReport,
} from '../../../src/entity/list-entity.ts';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

/** Reads every entity of `path` through the source, as the refresh job does. */
export async function collect(
  source: ListSource,
  path: string,
): Promise<{ entities: ListEntity[]; report: ParseReport }> {
  const report = newParseReport();
  const entities: ListEntity[] = [];
  for await (const entity of source.read(path, report)) entities.push(entity);
  return { entities, report };
}

/** Writes `content` to a fresh temp directory (for truncated or malformed variants of a fixture). */
export function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tradescreen-list-')), name);
  writeFileSync(file, content);
  return file;
}

export function byId(entities: ListEntity[], entryId: string): ListEntity {
  const found = entities.find((e) => e.entryId === entryId);
  if (!found) throw new Error(`no entity ${entryId}`);
  return found;
}
