import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { SourceFile } from '../../entity/list-entity.ts';
import type { VersionedSource } from '../../entity/versioned-source.ts';
import { redactUrl } from '../fetch/redact-url.ts';

export type Location =
  | { kind: 'remote'; files: SourceFile[]; description: string }
  | { kind: 'local'; path: string; description: string }
  | { kind: 'missing'; description: string };

/** LIST_SOURCE_<ID> (a URL, a file or a directory) wins over the authority's default files. */
export function resolveLocation(source: VersionedSource, override: string | undefined): Location {
  if (override) {
    if (/^https?:\/\//i.test(override)) {
      const name = basename(new URL(override).pathname) || `${source.id}.dat`;
      return { kind: 'remote', files: [{ url: override, fileName: name }], description: redactUrl(override) };
    }
    const path = resolve(override);
    return existsSync(path)
      ? { kind: 'local', path, description: path }
      : { kind: 'missing', description: `${path} does not exist` };
  }
  if (source.shippedPath) return { kind: 'local', path: source.shippedPath, description: source.shippedPath };
  if (source.files.length === 0) return { kind: 'missing', description: 'no location configured' };
  return { kind: 'remote', files: source.files, description: redactUrl(source.files[0]!.url) };
}
