import type { SourceFile } from '../../../entity/list-entity.ts';

/**
 * trade.gov publishes the Consolidated Screening List as CSV and as JSON with the same content; the CSV is the
 * default, the JSON is read only when no CSV is present.
 */
export const files: SourceFile[] = [
  {
    url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv',
    fileName: 'consolidated.csv',
  },
  {
    url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json',
    fileName: 'consolidated.json',
    optional: true,
  },
];
