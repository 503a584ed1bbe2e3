import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The red-flag rules are data (data/rules.json, provenance in data/PROVENANCE.md): their ids, default
 * thresholds and the guidance each comes from. The code in rules-*.ts only says how a rule reads the facts.
 */
export interface GuidanceSource {
  title: string;
  publisher: string;
  published: string;
  url: string;
}

export interface RuleRow {
  id: RuleId;
  title: string;
  description: string;
  threshold?: { default: number; unit: string; currency?: string };
  /** Only evaluated when the transaction carries Common High Priority List goods. */
  priorityGoods: boolean;
  sources: string[];
}

export const RULE_IDS = [
  'new-company',
  'activity-changed-recently',
  'activity-goods-mismatch',
  'value-vs-turnover',
  'value-per-employee',
  'diversion-route',
  'third-country-payment',
  'listed-address',
  'new-goods-for-party',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface RuleTable {
  version: number;
  sources: Record<string, GuidanceSource>;
  rules: Map<RuleId, RuleRow>;
}

const DATA_DIR = resolve(import.meta.dirname, 'data');

/** Checked once at start-up: a rule the code does not know, or one the data lacks, is a packaging error. */
export function readRuleTable(json: string): RuleTable {
  const data = JSON.parse(json) as { version: number; sources: RuleTable['sources']; rules: RuleRow[] };
  const rules = new Map<RuleId, RuleRow>();
  for (const row of data.rules) {
    if (!(RULE_IDS as readonly string[]).includes(row.id))
      throw new Error(`rules.json: unknown rule ${row.id}`);
    for (const s of row.sources)
      if (!data.sources[s]) throw new Error(`rules.json: rule ${row.id} cites unknown source ${s}`);
    rules.set(row.id, row);
  }
  const missing = RULE_IDS.filter((id) => !rules.has(id));
  if (missing.length > 0) throw new Error(`rules.json: no row for ${missing.join(', ')}`);
  return { version: data.version, sources: data.sources, rules };
}

export const RULE_TABLE: RuleTable = readRuleTable(readFileSync(resolve(DATA_DIR, 'rules.json'), 'utf8'));

/** One activity code and the HS chapters (2 digits) or headings (4 digits) its trade plausibly covers. */
export interface ActivityRow {
  scheme: 'NACE' | 'NAICS';
  /** Digits only: `4661` for NACE 46.61, `423820` for NAICS. */
  code: string;
  activity: string;
  hsPrefixes: string[];
}

export function readActivityTable(csv: string): ActivityRow[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const scheme = r.scheme;
    if (scheme !== 'NACE' && scheme !== 'NAICS') throw new Error(`activity-goods.csv row ${i + 2}: scheme`);
    return {
      scheme,
      code: (r.code ?? '').replace(/\D/g, ''),
      activity: r.activity ?? '',
      hsPrefixes: (r.hs_prefixes ?? '').split(/\s+/).filter((p) => /^\d{2,6}$/.test(p)),
    };
  });
}

export const ACTIVITY_TABLE: readonly ActivityRow[] = readActivityTable(
  readFileSync(resolve(DATA_DIR, 'activity-goods.csv'), 'utf8'),
);
