import { basename } from 'node:path';
import type { ListEntity, ParseReport } from '../../../entity/list-entity.ts';
import { mapLegacyRecord } from './map.ts';
import { parseSdnRows, readAddresses, readAliases, readComments } from './parse.ts';

/** The legacy CSV set: the primary file is required, the side files joined by ent_num are optional. */
export interface LegacyFiles {
  primary: string;
  addresses?: string | undefined;
  aliases?: string | undefined;
  comments?: string | undefined;
}

function unmatchedWarning(
  report: ParseReport,
  path: string | undefined,
  keys: Iterable<string>,
  used: Set<string>,
) {
  if (!path) return;
  let count = 0;
  for (const key of keys) if (!used.has(key)) count++;
  if (count > 0)
    report.warnings.push(`${basename(path)}: ${count} ent_num(s) have no primary record; rows ignored`);
}

/**
 * Side files are small and read into maps first; the primary file is streamed, so memory grows with the side
 * files only. Shared by us-ofac-sdn (sdn.csv…) and us-ofac-cons (cons_prim.csv…), which use one layout.
 */
export async function* readLegacySet(
  files: LegacyFiles,
  source: string,
  report: ParseReport,
): AsyncGenerator<ListEntity> {
  const [addresses, aliases, comments] = await Promise.all([
    files.addresses ? readAddresses(files.addresses) : new Map(),
    files.aliases ? readAliases(files.aliases) : new Map(),
    files.comments ? readComments(files.comments) : new Map<string, string>(),
  ]);
  const file = basename(files.primary);
  const seen = new Set<string>();
  for await (const sdn of parseSdnRows(files.primary)) {
    report.recordsSeen++;
    const key = sdn.entNum ?? '';
    if (key && seen.has(key)) {
      report.recordsSkipped++;
      report.warnings.push(`${file} line ${sdn.line}: duplicate ent_num ${key}; first occurrence kept`);
      continue;
    }
    seen.add(key);
    const result = mapLegacyRecord(
      {
        sdn,
        addresses: addresses.get(key) ?? [],
        aliases: aliases.get(key) ?? [],
        remarksContinuation: comments.get(key) ?? null,
      },
      source,
    );
    if ('skipped' in result) {
      report.recordsSkipped++;
      report.warnings.push(`${file} line ${sdn.line}: ${result.skipped}; skipped`);
      continue;
    }
    yield result.entity;
  }
  unmatchedWarning(report, files.addresses, addresses.keys(), seen);
  unmatchedWarning(report, files.aliases, aliases.keys(), seen);
  unmatchedWarning(report, files.comments, comments.keys(), seen);
}
