import type { SourceFile } from '../../../entity/list-entity.ts';

const BASE = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/**
 * The legacy CSV set. The side files are optional so that a refresh still succeeds on the primary file alone;
 * SDN_ENHANCED.XML is not fetched by default (it is several times larger and carries the same entries), but
 * `read` accepts it when LIST_SOURCE_US_OFAC_SDN points at one.
 */
export const files: SourceFile[] = [
  { url: `${BASE}/SDN.CSV`, fileName: 'sdn.csv' },
  { url: `${BASE}/ADD.CSV`, fileName: 'add.csv', optional: true },
  { url: `${BASE}/ALT.CSV`, fileName: 'alt.csv', optional: true },
  { url: `${BASE}/SDN_COMMENTS.CSV`, fileName: 'sdn_comments.csv', optional: true },
];
