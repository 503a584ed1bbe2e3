import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { sourceFilesAt } from '../../source-files.ts';
import { files } from './download.ts';
import { entryKey, mapEuOjRow, SOURCE_ID } from './map.ts';
import { type EuOjRow, parseEuOjCsv, peekLayout } from './parse.ts';

/**
 * How consolidated texts and amending acts combine, without counting an entry twice:
 * - An amending act lists additions and modifications only (FORMAT.md), and the folder keeps only the acts
 *   not yet folded into the consolidated snapshot (OpenSanctions retires them once they are), so where an
 *   amendment and a consolidated text carry the same entry (same act, annex and number — or name where the
 *   annex prints no numbers) the amendment is the newer wording and replaces the consolidated row. When the
 *   consolidation already includes the act (e.g. 32026R1883 in 267/2012 of 1.8.2026) the two rows are equal, so
 *   preferring the amendment costs nothing.
 * - Amending acts apply in CELEX order (year, then number: chronological), so a later act overrides an earlier.
 * - Removals are not encoded in amendments; a delisting only shows once the consolidated text drops the row.
 * Amendments are few (hundreds of rows), so they are held in memory while the large consolidated files stream.
 * Rows repeating a key inside one text (one vessel under two measures; a person printed twice) stay separate
 * entities with a `#n` suffix, so nothing is dropped and ids stay deterministic.
 */
async function* readEuOj(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const csvs = await sourceFilesAt(path, (name) => name.toLowerCase().endsWith('.csv'));
  if (csvs.length === 0) throw new Error(`${path}: no EU Official Journal CSV files found`);
  const consolidated: string[] = [];
  const amendments: string[] = [];
  for (const file of csvs) ((await peekLayout(file)) === 'amendment' ? amendments : consolidated).push(file);

  const amended = new Map<string, EuOjRow[]>();
  for (const file of amendments.sort(byFileName)) {
    const inThisAct = new Map<string, EuOjRow[]>();
    for await (const row of parseEuOjCsv(file)) {
      report.recordsSeen++;
      const key = entryKey(row);
      inThisAct.set(key, [...(inThisAct.get(key) ?? []), row]);
    }
    for (const [key, rows] of inThisAct) amended.set(key, rows);
  }

  const emitted = new Map<string, number>();
  const emit = (row: EuOjRow): ListEntity | undefined => {
    const key = entryKey(row);
    const n = (emitted.get(key) ?? 0) + 1;
    emitted.set(key, n);
    const mapped = mapEuOjRow(row, n === 1 ? key : `${key}#${n}`);
    if ('skip' in mapped) {
      report.recordsSkipped++;
      report.warnings.push(mapped.skip);
      return undefined;
    }
    return mapped;
  };

  let superseded = 0;
  for (const file of consolidated) {
    for await (const row of parseEuOjCsv(file)) {
      report.recordsSeen++;
      if (amended.has(entryKey(row))) {
        superseded++;
        continue;
      }
      const entity = emit(row);
      if (entity) yield entity;
    }
  }
  for (const rows of amended.values()) {
    for (const row of rows) {
      const entity = emit(row);
      if (entity) yield entity;
    }
  }
  if (superseded > 0) {
    report.warnings.push(
      `${superseded} consolidated row(s) replaced by the same entry in a later amending act`,
    );
  }
}

function byFileName(a: string, b: string): number {
  const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  return name(a).localeCompare(name(b));
}

export const source: ListSource = {
  id: SOURCE_ID,
  title: 'EU sanctions (Official Journal transcription)',
  authority: 'Council of the European Union (transcribed by OpenSanctions)',
  pageUrl: 'https://eur-lex.europa.eu/collection/eu-law/eu-sanctions.html',
  files,
  read: readEuOj,
};
