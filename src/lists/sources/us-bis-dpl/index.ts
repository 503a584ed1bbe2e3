import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { sourceFilesAt } from '../../source-files.ts';
import { files } from './download.ts';
import { dplEntryId, dplKey, mapDplOrder, PAGE_URL, SOURCE_ID } from './map.ts';
import { type DplRow, parseDpl } from './parse.ts';

/**
 * Rows of one order are adjacent (the file is sorted by name), so an order is emitted when the key changes and
 * only that order's rows are held. A key that comes back later gets a warning and a suffixed id rather than a
 * second entity under the same id.
 */
async function* read(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const found = await sourceFilesAt(path, (name) => /\.txt$/i.test(name));
  const file = found.find((f) => f.endsWith(files[0]!.fileName)) ?? found[0];
  if (!file) throw new Error(`${path}: no dpl.txt found`);
  const emitted = new Set<string>();
  let newest = '';
  let pending: DplRow[] = [];
  function* flush(): Generator<ListEntity> {
    if (pending.length === 0) return;
    const key = dplKey(pending[0]!);
    let entryId = dplEntryId(key);
    if (emitted.has(entryId)) {
      report.warnings.push(`${key}: rows not adjacent to the earlier rows of this order; listed separately`);
      entryId = `${entryId}-${pending[0]!.row}`;
    }
    emitted.add(entryId);
    const mapped = mapDplOrder(pending, entryId);
    if ('skip' in mapped) {
      report.recordsSkipped += pending.length;
      for (const row of pending) report.warnings.push(`row ${row.row}: ${mapped.skip}`);
    } else yield mapped;
    pending = [];
  }
  const today = new Date().toISOString().slice(0, 10);
  for await (const row of parseDpl(file)) {
    report.recordsSeen++;
    // BIS types these by hand: the November 2023 file has a Last_Update of 3033-09-30, which must not become
    // the list's publish date.
    if (row.lastUpdate > today)
      report.warnings.push(`row ${row.row}: Last_Update ${row.lastUpdate} is in the future`);
    else if (row.lastUpdate > newest && /^\d{4}-\d{2}-\d{2}$/.test(row.lastUpdate)) newest = row.lastUpdate;
    if (pending.length > 0 && dplKey(pending[0]!) !== dplKey(row)) yield* flush();
    pending.push(row);
  }
  yield* flush();
  // dpl.txt carries no publish date; the newest Last_Update is the latest change the file reflects.
  if (newest) report.publishedAt = newest;
}

export const source: ListSource = {
  id: SOURCE_ID,
  title: 'BIS Denied Persons List',
  authority: 'US Department of Commerce, Bureau of Industry and Security',
  pageUrl: PAGE_URL,
  files,
  read,
};
