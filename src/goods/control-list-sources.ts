import { resolve } from 'node:path';
import type { VersionedSource } from '../entity/versioned-source.ts';
import type { ControlRule } from './control-rule.ts';
import { ALL_SHIPPED_LISTS, readControlList, SHIPPED_DATA_DIR } from './load-control-lists.ts';
import { SHIPPED_PROHIBITION_TABLES } from './shipped-prohibitions.ts';

/** Annex tables the product knows but cannot ship: loaded when an officer points LIST_SOURCE_<ID> at one. */
export const OPTIONAL_ANNEX_TABLES: Record<string, string> = {
  'eu-2021-821-correlation': 'EU 2021/821 Annex I correlation table',
  // Prohibition tables the manifest declares without shipping rows (none could be verified).
  ...Object.fromEntries(
    SHIPPED_PROHIBITION_TABLES.filter((table) => table.file === '').map((table) => [table.list, table.title]),
  ),
};

const TITLES: Record<string, string> = {
  chpl: 'Common High Priority Items List (EU/US/UK/JP)',
  embargoes: 'Embargoed destinations',
  'diversion-risk': 'Diversion-risk countries',
  'dual-use': 'Dual-use control numbers',
  'eu-member-states': 'EU member states',
  'partner-countries': 'Partner countries (Art. 12g exemption)',
  ...Object.fromEntries(
    SHIPPED_PROHIBITION_TABLES.filter((table) => table.file !== '').map((table) => [table.list, table.title]),
  ),
};

function controlSource(id: string, title: string, shippedPath: string | undefined): VersionedSource {
  return {
    id,
    title,
    authority: 'tradescreen control data (see src/goods/data/PROVENANCE.md)',
    kind: 'export_control',
    pageUrl: 'https://eur-lex.europa.eu/eli/reg/2014/833/oj',
    files: [],
    ...(shippedPath ? { shippedPath } : {}),
    enabledByDefault: shippedPath !== undefined,
    coverage: id,
    async *readItems(path, report) {
      const parsed = await readControlList(id, path);
      Object.assign(report, parsed.report);
      for (const rule of parsed.rules)
        yield { entryId: rule.id, name: ruleName(rule), kind: rule.subject, data: rule };
    },
  };
}

function ruleName(rule: ControlRule): string {
  if (rule.subject === 'tariff') return `${rule.codeSystem} ${rule.code}`;
  if (rule.subject === 'country') return rule.country;
  return rule.controlNumberPattern;
}

/** Control lists are versioned exactly like sanctions lists: same versions, diffs, guardrails and activation. */
export const CONTROL_LIST_SOURCES: VersionedSource[] = [
  ...Object.entries(ALL_SHIPPED_LISTS).map(([id, file]) =>
    controlSource(id, TITLES[id] ?? id, resolve(SHIPPED_DATA_DIR, file)),
  ),
  ...Object.entries(OPTIONAL_ANNEX_TABLES).map(([id, title]) => controlSource(id, title, undefined)),
];
