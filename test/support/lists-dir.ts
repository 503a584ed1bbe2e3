import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the real public list files live. CI sets LISTS_DIR (and fails if the folder is missing); a developer
 * checkout beside ../shared finds it too. Elsewhere the tests that need it are skipped with this reason.
 */
const candidate = process.env.LISTS_DIR ?? resolve(import.meta.dirname, '../../../shared/lists');

export const LISTS_DIR: string | undefined = existsSync(candidate) ? candidate : undefined;

export const skipWithoutLists: string | false = LISTS_DIR
  ? false
  : `real list files not found (set LISTS_DIR to the shared/lists folder; looked in ${candidate})`;

export function listFile(...parts: string[]): string {
  if (!LISTS_DIR) throw new Error('LISTS_DIR is not available');
  return resolve(LISTS_DIR, ...parts);
}
