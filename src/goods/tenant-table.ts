import type { ControlRule, TariffSystem } from './control-rule.ts';

/**
 * A tenant's own goods control table (its TARIC correlation, a national list, a group policy), one version of
 * it, as screening applies it. The rows are read and checked by src/goods-tables/ (the CSV import); the goods
 * engine only turns them into findings (tenant-table-findings.ts).
 */
export type TableMeasure = 'block' | 'review' | 'licence_required';

/** Whose control a row transposes: decides which licences may apply to its findings (src/licences/). */
export type TableJurisdiction = 'EU' | 'US' | 'UK';

export interface TenantGoodsRow {
  /** Line of the uploaded file (the header is line 1), cited in findings. */
  line: number;
  /** Tariff digits (`854231`, a prefix of the codes it covers) or a canonical control number (`5A002`). */
  code: string;
  /** Tariff rows only (HS when the file left it empty); a control-number row has none. */
  codeSystem?: TariffSystem;
  /** ISO 3166 country or region, or `*` for every destination. */
  destination: string;
  measure: TableMeasure;
  jurisdiction?: TableJurisdiction;
  legalBasis: string;
  source: string;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

export interface TenantGoodsTable {
  tableId: string;
  name: string;
  version: number;
  rows: readonly TenantGoodsRow[];
}

/** The finding's `source` for a tenant table: never one of the shipped list ids, which have no colon. */
export const tenantTableList = (tableId: string): string => `goods-table:${tableId}`;

/**
 * What makes two rows the same row: the code, its system, the destination and the first day. The same code for
 * the same place may have two periods (a ban lifted and re-imposed), so `valid_from` is part of it.
 */
export function rowIdentity(row: Pick<TenantGoodsRow, 'code' | 'codeSystem' | 'destination' | 'validFrom'>) {
  return `${row.codeSystem ?? ''}${row.code}:${row.destination}:${row.validFrom}`;
}

/** Stable across versions while the row stays, so a finding on the same row keeps its id. */
export const tenantRuleId = (tableId: string, row: TenantGoodsRow): string =>
  `${tenantTableList(tableId)}:${rowIdentity(row)}`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The row as a control rule, so the shared rule index matches it and licences read its jurisdiction as for a
 * shipped rule. A row without a jurisdiction gets `tenant`, which no licence regime covers: fail safe.
 */
export function tenantRowRule(table: Pick<TenantGoodsTable, 'tableId'>, row: TenantGoodsRow): ControlRule {
  const base = {
    id: tenantRuleId(table.tableId, row),
    list: tenantTableList(table.tableId),
    kind: 'control' as const,
    jurisdiction: row.jurisdiction ?? 'tenant',
    description: row.note ?? '',
    legalBasis: {
      act: row.legalBasis,
      provision: '',
      inForce: row.validFrom,
      ...(row.validTo === null ? {} : { until: row.validTo }),
    },
    citation: row.legalBasis,
    sourceUrl: row.source,
  };
  if (row.codeSystem === undefined) {
    return {
      ...base,
      subject: 'control-number',
      regime: row.jurisdiction === 'US' ? 'US' : 'EU',
      // 5A002 covers its sub-items 5A002.a.1, never 5A0021.
      controlNumberPattern: `^${escapeRegExp(row.code)}(\\..+)?$`,
    };
  }
  return {
    ...base,
    subject: 'tariff',
    codeSystem: row.codeSystem,
    code: row.code,
    ...(row.destination === '*' ? {} : { destinations: [row.destination] }),
  };
}
