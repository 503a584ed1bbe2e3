/**
 * The manifest of shipped prohibition tables, read once when the module loads. It is small, ships with the code
 * and is needed synchronously by `coverage()` and by the screen (which must know a table is partial before it
 * may answer `clear`), so it is read here rather than through the async list loader.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ProhibitionTable, parseProhibitionManifest } from './prohibition-coverage.ts';

export const PROHIBITIONS_DIR = resolve(import.meta.dirname, 'data', 'prohibitions');

export const SHIPPED_PROHIBITION_TABLES: readonly ProhibitionTable[] = parseProhibitionManifest(
  readFileSync(resolve(PROHIBITIONS_DIR, 'manifest.csv'), 'utf8'),
);

/** List id → path relative to data/, in the shape of SHIPPED_LISTS. */
export const SHIPPED_PROHIBITION_LISTS: Readonly<Record<string, string>> = Object.fromEntries(
  SHIPPED_PROHIBITION_TABLES.filter((table) => table.file !== '').map((table) => [
    table.list,
    `prohibitions/${table.file}`,
  ]),
);
