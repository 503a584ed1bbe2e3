import { parse } from 'csv-parse/sync';
import { isIsoDate } from './control-rule.ts';

/**
 * What one shipped prohibition table claims to cover. A `partial` table was transcribed only as far as its rows
 * could be checked against the consolidated legal text, so a code in its chapters that no row lists is not
 * known to be free: the caller must answer `review` for it (issue 20), never `clear`.
 */
export interface ProhibitionTable {
  list: string;
  /**
   * File name under data/prohibitions/; empty when no row of the annex could be verified, so the entry only
   * declares the chapters where the screen must not answer `clear`.
   */
  file: string;
  title: string;
  /** Whose law the table is: `EU` or `US`. */
  jurisdiction: string;
  /** Destinations the prohibitions bite on (ISO 3166-1), e.g. `RU` or `RU BY`. */
  destinations: string[];
  coverage: 'complete' | 'partial';
  /** HS chapters (2 digits) or headings (4 digits) the table's legal text reaches; empty means all goods. */
  chapters: string[];
  /** First day any prohibition of the table applied; before it no gap can exist. */
  inForce: string;
  legalBasis: string;
  note: string;
  sourceUrl: string;
}

const COLUMNS = [
  'list_id',
  'file',
  'title',
  'jurisdiction',
  'destinations',
  'coverage',
  'chapters',
  'valid_from',
  'legal_basis',
  'note',
  'source_url',
] as const;

function words(value: string): string[] {
  return value.split(/\s+/).filter((word) => word !== '');
}

/** The manifest is the product's own file: a malformed row is a bug to fix, so it throws rather than skips. */
export function parseProhibitionManifest(text: string): ProhibitionTable[] {
  const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
  return rows.map((row, i) => {
    const line = `prohibitions manifest line ${i + 2}`;
    for (const column of COLUMNS)
      if (!row[column] && column !== 'chapters' && column !== 'file')
        throw new Error(`${line}: ${column} is empty`);
    const coverage = row.coverage;
    if (coverage !== 'complete' && coverage !== 'partial') throw new Error(`${line}: coverage "${coverage}"`);
    const chapters = words(row.chapters ?? '');
    const bad = chapters.find((c) => !/^(\d{2}|\d{4})$/.test(c));
    if (bad !== undefined) throw new Error(`${line}: chapter "${bad}" is neither 2 nor 4 digits`);
    if (!isIsoDate(row.valid_from ?? '')) throw new Error(`${line}: valid_from "${row.valid_from}"`);
    return {
      list: row.list_id ?? '',
      file: row.file ?? '',
      title: row.title ?? '',
      jurisdiction: row.jurisdiction ?? '',
      destinations: words(row.destinations ?? ''),
      coverage,
      chapters,
      inForce: row.valid_from ?? '',
      legalBasis: row.legal_basis ?? '',
      note: row.note ?? '',
      sourceUrl: row.source_url ?? '',
    };
  });
}

/** A partial table whose chapters reach a goods code on a route and date. */
export interface CoverageGap {
  table: ProhibitionTable;
  /** The chapter or heading of the table that reaches the code (absent when the table reaches all goods). */
  chapter?: string;
}

/**
 * The partial tables that might ban `code` (digits, any nomenclature: HS chapters and headings are shared) to
 * `destination` on `date` without saying so. G1 turns each gap into a `list_coverage` finding of severity
 * `review`, filtered by the jurisdictions that bind the transaction. A region (`RU-MOW`) counts as its country.
 */
export function partialCoverageFor(
  tables: readonly ProhibitionTable[],
  code: string,
  destination: string,
  date: string,
): CoverageGap[] {
  const digits = code.replace(/[.\s]/g, '');
  const country = destination.slice(0, 2).toUpperCase();
  const gaps: CoverageGap[] = [];
  for (const table of tables) {
    if (table.coverage !== 'partial' || date < table.inForce) continue;
    if (!table.destinations.includes(country)) continue;
    if (table.chapters.length === 0) {
      gaps.push({ table });
      continue;
    }
    const chapter = table.chapters.find((prefix) => digits.startsWith(prefix));
    if (chapter !== undefined) gaps.push({ table, chapter });
  }
  return gaps;
}

/** The gaps reaching a code (digits) for a destination on a date; the goods screen asks this for each line. */
export type CoverageGaps = (code: string, destination: string, date: string) => CoverageGap[];

/** `partialCoverageFor` bound to a set of tables, in the shape the goods screen takes. */
export function gapsIn(tables: readonly ProhibitionTable[]): CoverageGaps {
  return (code, destination, date) => partialCoverageFor(tables, code, destination, date);
}

/**
 * The tables a screen over these loaded lists cannot rely on to clear goods: every `partial` table, and any
 * table whose rows are not loaded at all (a tenant switched it off), which is then partial for this screen.
 */
export function gapTables(
  tables: readonly ProhibitionTable[],
  loadedLists: ReadonlySet<string>,
): ProhibitionTable[] {
  return tables.flatMap((table) => {
    if (table.coverage === 'partial') return [table];
    if (table.file !== '' && loadedLists.has(table.list)) return [];
    return [{ ...table, coverage: 'partial' as const, note: `${table.note}; not loaded in this screen` }];
  });
}
