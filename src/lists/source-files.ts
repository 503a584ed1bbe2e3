import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files a source should read at `path`: the file itself, or every matching file under the directory
 * (recursively), sorted by path so that entry order, and hence the diff between two refreshes, is stable.
 */
export async function sourceFilesAt(path: string, accept: (fileName: string) => boolean): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const found: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && accept(entry.name)) found.push(join(entry.parentPath, entry.name));
  }
  return found.sort();
}
