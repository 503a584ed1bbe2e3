/**
 * A prohibition table that is loaded only in part (or not at all) cannot clear goods in the chapters it
 * reaches: a code no loaded row lists may still be banned. The shape follows the prohibition-table manifest
 * (data/prohibitions/manifest.csv): each table names its destinations, its HS chapters (empty: all goods)
 * and the first day any of its prohibitions applied.
 */
export interface PartialTable {
  list: string;
  title: string;
  /** Whose law the table is (`EU`, `US`): its gaps count only where that regime binds. */
  jurisdiction: string;
  destinations: readonly string[];
  chapters: readonly string[];
  inForce: string;
  legalBasis: string;
  sourceUrl: string;
}

export interface CoverageGap {
  table: PartialTable;
  /** The chapter or heading of the table that reaches the code; absent when it reaches all goods. */
  chapter?: string;
}

export type CoverageGaps = (code: string, destination: string, date: string) => CoverageGap[];

/** The partial tables that reach `code` (digits) for `destination` (a region counts as its country) on `date`. */
export function gapsIn(tables: readonly PartialTable[]): CoverageGaps {
  return (code, destination, date) => {
    const country = destination.slice(0, 2);
    const gaps: CoverageGap[] = [];
    for (const table of tables) {
      if (date < table.inForce || !table.destinations.includes(country)) continue;
      if (table.chapters.length === 0) {
        gaps.push({ table });
        continue;
      }
      const chapter = table.chapters.find((prefix) => code.startsWith(prefix));
      if (chapter !== undefined) gaps.push({ table, chapter });
    }
    return gaps;
  };
}
