import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * SHA-256 over every file at `path` (a file, or a directory walked in sorted order with each file's relative
 * name mixed in), streamed: the same bytes give the same hash, whatever their size.
 */
export async function contentHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  const info = await stat(path);
  const files = info.isFile()
    ? [path]
    : (await readdir(path, { withFileTypes: true, recursive: true }))
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .sort();
  for (const file of files) {
    if (!info.isFile()) hash.update(`\0${relative(path, file)}\0`);
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
