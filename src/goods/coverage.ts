import type { ControlRule } from './control-rule.ts';
import {
  type CoverageGap,
  partialCoverageFor as gapsIn,
  type ProhibitionTable,
} from './prohibition-coverage.ts';
import { SHIPPED_PROHIBITION_TABLES } from './shipped-prohibitions.ts';

export interface AnnexCoverage {
  list: string;
  title: string;
  legalBasis: string;
  loaded: boolean;
  /** Rules loaded for this list (0 when not loaded). */
  rules: number;
  note: string;
  /** Prohibition tables only: whether every row of the legal annex is transcribed. */
  completeness?: 'complete' | 'partial';
  /** Prohibition tables only: HS chapters/headings a partial table reaches (empty: all goods). */
  chapters?: string[];
  /** Prohibition tables only: destinations the prohibitions bite on. */
  destinations?: string[];
}

export interface GoodsCoverage {
  /** Always `partial`: the engine only knows the tables below, and says which ones it lacks. */
  level: 'partial';
  annexes: AnnexCoverage[];
  summary: string;
}

/**
 * Goods tables the product knows exist. The shipped ones are loaded from `data/`; the others have no
 * machine-readable official source yet (see data/PROVENANCE.md), and an officer adds them as annex tables
 * under these list ids once they hold the official table.
 */
const KNOWN: readonly Omit<AnnexCoverage, 'loaded' | 'rules'>[] = [
  {
    list: 'chpl',
    title: 'Common High Priority Items List (EU/US/UK/JP), 50 HS6 codes',
    legalBasis: 'Reg. (EU) 833/2014 Annex XL',
    note: 'February 2024 version; HS6 only, no CN/HTS refinements',
  },
  {
    list: 'dual-use',
    title: 'Dual-use control numbers (EU Annex I, US CCL, EAR99)',
    legalBasis: 'Reg. (EU) 2021/821 Annex I; 15 CFR Part 774',
    note: 'matches declared control numbers by pattern only; the item texts and technical parameters are not loaded',
  },
  {
    list: 'embargoes',
    title: 'Embargoed countries and occupied regions of Ukraine',
    legalBasis:
      'Reg. 833/2014, 765/2006, 267/2012, 2017/1509, 36/2012, 692/2014, 2022/263; EAR Part 746; ITSR; CACR',
    note: 'whole countries or ISO 3166-2 regions; region codes are coarser than the occupied areas',
  },
  {
    list: 'diversion-risk',
    title: 'Diversion-risk countries for Russia-bound goods',
    legalBasis: 'FinCEN/BIS Joint Alert FIN-2022-Alert003; Reg. 833/2014 Annex IV',
    note: 'risk guidance, not law; configurable',
  },
  {
    list: 'eu-2021-821-correlation',
    title: 'EU 2021/821 Annex I correlation table (CN codes to dual-use numbers)',
    legalBasis: 'Reg. (EU) 2021/821 Annex I',
    note: 'without it a tariff code alone cannot reveal a dual-use item',
  },
];

function prohibitionEntry(table: ProhibitionTable): Omit<AnnexCoverage, 'loaded' | 'rules'> {
  const reach = table.chapters.length ? `HS ${table.chapters.join(', ')}` : 'all goods';
  const note =
    table.coverage === 'partial'
      ? `PARTIAL (${reach}): ${table.note}; unlisted goods in these chapters to ${table.destinations.join('/')} need review`
      : table.note;
  return {
    list: table.list,
    title: table.title,
    legalBasis: table.legalBasis,
    note,
    completeness: table.coverage,
    chapters: table.chapters,
    destinations: table.destinations,
  };
}

/**
 * The shipped partial tables whose chapters reach `code` for `destination` on `date`; each gap means the screen
 * cannot say the goods are free of that table's prohibitions (see prohibition-coverage.ts).
 */
export function partialCoverageFor(
  code: string,
  destination: string,
  date: string,
  tables: readonly ProhibitionTable[] = SHIPPED_PROHIBITION_TABLES,
): CoverageGap[] {
  return gapsIn(tables, code, destination, date);
}

/** Which goods tables are loaded, and which known ones are not: partial coverage, stated honestly. */
export function coverage(
  rules: readonly ControlRule[],
  tables: readonly ProhibitionTable[] = SHIPPED_PROHIBITION_TABLES,
): GoodsCoverage {
  const known = [...KNOWN, ...tables.map(prohibitionEntry)];
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule.list, (counts.get(rule.list) ?? 0) + 1);
  const annexes: AnnexCoverage[] = known.map((entry) => {
    const n = counts.get(entry.list) ?? 0;
    return { ...entry, loaded: n > 0, rules: n };
  });
  for (const [list, n] of counts) {
    if (!known.some((entry) => entry.list === list)) {
      annexes.push({
        list,
        title: list,
        legalBasis: 'see each rule',
        loaded: true,
        rules: n,
        note: 'officer-loaded table',
      });
    }
  }
  const missing = annexes.filter((annex) => !annex.loaded).map((annex) => annex.title);
  const partial = annexes.filter((annex) => annex.completeness === 'partial').map((annex) => annex.title);
  const gaps = partial.length ? ` Partially transcribed: ${partial.join('; ')}.` : '';
  const summary =
    (missing.length
      ? `Partial coverage: not loaded: ${missing.join('; ')}. Goods absent from the loaded tables are not cleared by this screen.`
      : 'Partial coverage: all known tables are loaded, but national refinements and technical parameters are not evaluated.') +
    gaps;
  return { level: 'partial', annexes, summary };
}
