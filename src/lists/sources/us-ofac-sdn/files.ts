import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files of a source directory by lower-case name: OFAC's service serves SDN.CSV, the old downloads page
 * sdn.csv, and copies keep either spelling.
 */
export async function filesByLowerName(path: string): Promise<Map<string, string> | undefined> {
  if (!(await stat(path)).isDirectory()) return undefined;
  const entries = await readdir(path, { withFileTypes: true });
  return new Map(
    entries
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => [e.name.toLowerCase(), join(path, e.name)]),
  );
}
