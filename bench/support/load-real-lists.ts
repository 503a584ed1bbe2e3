import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ListEntity, type ListSource, newParseReport } from '../../src/entity/list-entity.ts';

/**
 * Loads every real list whose parser has landed, from LISTS_DIR (default /work/shared/lists). Sources whose
 * module or files are missing are skipped with a printed note, so benches and evals run while parsers are
 * still being written. Never copies the files anywhere.
 */
export const SOURCE_PATHS: Record<string, string> = {
  'us-ofac-sdn': 'ofac_sdn',
  'us-ofac-cons': 'ofac_cons',
  'un-sc': 'un_sc/UN_consolidated.xml',
  'uk-hmt': 'uk_ofsi/UK_Sanctions_List.xlsx',
  'us-csl': 'us_csl/consolidated.csv.gz',
  'us-bis-dpl': 'us_bis_dpl/dpl.txt',
  'eu-oj': 'eu_oj_opensanctions',
  opensanctions: 'opensanctions_ftm',
};

export const listsDir = (): string => process.env.LISTS_DIR ?? '/work/shared/lists';

export interface LoadedLists {
  entities: ListEntity[];
  perSource: Record<string, number>;
  skipped: string[];
}

export async function loadRealLists(
  ids: string[] = Object.keys(SOURCE_PATHS),
  log: (msg: string) => void = (m) => console.error(m),
): Promise<LoadedLists> {
  const dir = listsDir();
  const repoRoot = resolve(import.meta.dirname, '../..');
  const out: LoadedLists = { entities: [], perSource: {}, skipped: [] };
  for (const id of ids) {
    const modPath = resolve(repoRoot, 'src/lists/sources', id, 'index.ts');
    const dataPath = resolve(dir, SOURCE_PATHS[id] ?? id);
    if (!existsSync(modPath)) {
      out.skipped.push(`${id}: parser module not present yet`);
      log(`[lists] skip ${id}: src/lists/sources/${id}/index.ts not present yet`);
      continue;
    }
    if (!existsSync(dataPath)) {
      out.skipped.push(`${id}: ${dataPath} missing`);
      log(`[lists] skip ${id}: ${dataPath} missing`);
      continue;
    }
    try {
      const mod = (await import(pathToFileURL(modPath).href)) as { source?: ListSource };
      if (!mod.source) throw new Error('module exports no `source`');
      const report = newParseReport();
      let n = 0;
      for await (const e of mod.source.read(dataPath, report)) {
        out.entities.push(e);
        n++;
      }
      out.perSource[id] = n;
      log(`[lists] ${id}: ${n} entities`);
    } catch (err) {
      out.skipped.push(`${id}: ${(err as Error).message}`);
      log(`[lists] skip ${id}: ${(err as Error).message}`);
    }
  }
  return out;
}
