/**
 * The only module in src/goods that touches the file system: it reads the shipped CSVs (or an officer's
 * replacement) and hands the text to the pure parser, so everything else is testable without files.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseReport } from '../entity/list-entity.ts';
import type { ControlRule } from './control-rule.ts';
import { LISTS } from './goods-policy.ts';
import { type ControlListParse, parseControlList } from './parse-control-list.ts';
import { SHIPPED_PROHIBITION_LISTS } from './shipped-prohibitions.ts';

export const SHIPPED_DATA_DIR = resolve(import.meta.dirname, 'data');

/** The lists shipped with the product, by list id; each file's rules get ids prefixed with that list id. */
export const SHIPPED_LISTS: Readonly<Record<string, string>> = {
  [LISTS.chpl]: 'chpl.csv',
  [LISTS.embargoes]: 'embargoes.csv',
  [LISTS.diversionRisk]: 'diversion-risk.csv',
  [LISTS.dualUse]: 'dual-use.csv',
  [LISTS.euMemberStates]: 'eu-member-states.csv',
  [LISTS.partnerCountries]: 'partner-countries.csv',
};

/** Every shipped list: the files above plus the prohibition tables of data/prohibitions/manifest.csv. */
export const ALL_SHIPPED_LISTS: Readonly<Record<string, string>> = {
  ...SHIPPED_LISTS,
  ...SHIPPED_PROHIBITION_LISTS,
};

/** Their source ids: what a test or bench service enables (LISTS_ENABLED) to screen goods as shipped. */
export const SHIPPED_LIST_IDS: readonly string[] = Object.keys(ALL_SHIPPED_LISTS);

/** One list file, for the list-version machinery to store and diff (rule ids are stable across versions). */
export async function readControlList(listId: string, path: string): Promise<ControlListParse> {
  return parseControlList(listId, await readFile(path, 'utf8'));
}

export interface LoadOptions {
  /** Replaces a shipped file for a list id, e.g. `{ 'diversion-risk': '/etc/tradescreen/diversion.csv' }`. */
  overrides?: Readonly<Record<string, string>>;
  /** Further annex tables, e.g. `{ 'eu-833-annex-xxiii': '/data/annex-xxiii.csv' }`. */
  annexTables?: Readonly<Record<string, string>>;
}

export interface LoadedControlLists {
  rules: ControlRule[];
  /** Per list id: rows seen, rows skipped and why. */
  reports: Record<string, ParseReport>;
}

export async function loadControlLists(options: LoadOptions = {}): Promise<LoadedControlLists> {
  const files: Record<string, string> = {};
  for (const [list, file] of Object.entries(ALL_SHIPPED_LISTS)) files[list] = resolve(SHIPPED_DATA_DIR, file);
  Object.assign(files, options.overrides, options.annexTables);
  const rules: ControlRule[] = [];
  const reports: Record<string, ParseReport> = {};
  for (const [list, path] of Object.entries(files)) {
    const parsed = await readControlList(list, path);
    rules.push(...parsed.rules);
    reports[list] = parsed.report;
  }
  return { rules, reports };
}
