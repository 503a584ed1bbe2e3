import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { BenchData } from './build.ts';
import type { CompanyRow, PersonPartRow } from './negatives.ts';

const DATA_DIR = resolve(import.meta.dirname, '../data');

/** Reads a headed CSV and fails on a row without one of the required columns (no silent blanks). */
function rows(file: string, required: string[]): Record<string, string>[] {
  const out = parse(readFileSync(resolve(DATA_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    comment: '#',
    trim: true,
  }) as Record<string, string>[];
  out.forEach((row, i) => {
    for (const c of required)
      if (!row[c]) throw new Error(`eval/data/${file} row ${i + 2}: column "${c}" is empty`);
  });
  return out;
}

export function loadBenchData(): BenchData {
  const companies = rows('companies.csv', ['name', 'country', 'source']).map(
    (r): CompanyRow => ({ name: r.name!, country: r.country!, source: r.source! }),
  );
  const personParts = rows('person-names.csv', ['culture', 'order', 'part', 'value', 'source']).map(
    (r): PersonPartRow => {
      if (r.order !== 'given-first' && r.order !== 'surname-first') throw new Error(`bad order ${r.order}`);
      if (r.part !== 'given' && r.part !== 'surname') throw new Error(`bad part ${r.part}`);
      return { culture: r.culture!, order: r.order, part: r.part, value: r.value!, source: r.source! };
    },
  );
  return { companies, personParts };
}
