import type { SourceFile } from '../../../entity/list-entity.ts';

/**
 * OFSI's Consolidated List (2022 "ConList" layout) is the list this source was built on. The FCDO "UK Sanctions
 * List" superseded it (OFSI froze ConList in January 2026); it is fetched too, but `read` uses it only when no
 * ConList file is present, because the two carry the same designations under different ids.
 */
export const files: SourceFile[] = [
  {
    url: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv',
    fileName: 'ConList.csv',
  },
  {
    url: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv',
    fileName: 'UK-Sanctions-List.csv',
    optional: true,
  },
];
