import type { ListEntity, ListSource, ParseReport } from '../../../entity/list-entity.ts';
import { sourceFilesAt } from '../../source-files.ts';
import { Auxiliaries, TARGET_SCHEMAS } from './auxiliaries.ts';
import { files } from './download.ts';
import { mapFtmEntity, SOURCE_ID } from './map.ts';
import { parseFtmLines } from './parse.ts';

/**
 * FtM spreads an entry over several records (a Sanction points at its entity, a Person at its Address,
 * an Ownership at both ends), in any order. Holding every entity until its references resolve would keep the
 * whole file in memory; instead the files are streamed more than once:
 *   1. collect only the auxiliary records (Sanction, Address, Passport, Identification, Ownership,
 *      Directorship, Family): they are small and far fewer than the lines of a full export;
 *   2. only when relations exist: collect the names of the entities at their far ends, so a remark can say
 *      "owned by X" rather than an opaque id (a set of ids and their names, not the entities);
 *   3. emit each target entity as it streams past, joined with what passes 1 and 2 kept.
 * Memory holds the auxiliaries and the linked names, never the targets; time is two or three parses.
 */
async function* readOpenSanctions(path: string, report: ParseReport): AsyncGenerator<ListEntity> {
  const inputs = await sourceFilesAt(path, (name) => /\.(ftm\.json|json|jsonl)$/i.test(name));
  if (inputs.length === 0) throw new Error(`${path}: no FollowTheMoney JSON lines file found`);

  const aux = new Auxiliaries();
  const ignored = new Map<string, number>();
  for (const file of inputs) {
    for await (const e of parseFtmLines(file)) {
      report.recordsSeen++;
      if (!aux.add(e) && !TARGET_SCHEMAS.has(e.schema))
        ignored.set(e.schema, (ignored.get(e.schema) ?? 0) + 1);
    }
  }

  const captions = new Map<string, string>();
  const wanted = aux.linkedIds();
  if (wanted.size > 0) {
    for (const file of inputs) {
      for await (const e of parseFtmLines(file)) {
        const name = e.caption ?? e.properties.name?.[0];
        if (wanted.has(e.id) && name) captions.set(e.id, name);
      }
    }
  }

  for (const file of inputs) {
    for await (const e of parseFtmLines(file)) {
      if (!TARGET_SCHEMAS.has(e.schema)) continue;
      const mapped = mapFtmEntity(e, aux, captions);
      if ('skip' in mapped) {
        report.recordsSkipped++;
        report.warnings.push(`${file}: ${mapped.skip}`);
        continue;
      }
      yield mapped;
    }
  }
  if (ignored.size > 0) {
    const list = [...ignored].map(([schema, n]) => `${schema} ${n}`).join(', ');
    report.warnings.push(`records of schemas this source does not screen were read and not used: ${list}`);
  }
}

export const source: ListSource = {
  id: SOURCE_ID,
  title: 'OpenSanctions (FollowTheMoney export)',
  authority: 'OpenSanctions (aggregating official lists)',
  pageUrl: 'https://www.opensanctions.org/datasets/default/',
  files,
  read: readOpenSanctions,
};
