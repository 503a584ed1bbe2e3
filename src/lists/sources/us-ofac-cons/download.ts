import type { SourceFile } from '../../../entity/list-entity.ts';

const BASE = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/**
 * The consolidated (non-SDN) list in the legacy CSV layout, which `read` prefers. CONS_ENHANCED.ZIP carries
 * the same entries in ENHANCED_XML and is read when given on its own, but fetching both would only be thrown
 * away, so it is not a default file.
 */
export const files: SourceFile[] = [
  { url: `${BASE}/CONS_PRIM.CSV`, fileName: 'cons_prim.csv' },
  { url: `${BASE}/CONS_ADD.CSV`, fileName: 'cons_add.csv', optional: true },
  { url: `${BASE}/CONS_ALT.CSV`, fileName: 'cons_alt.csv', optional: true },
  { url: `${BASE}/CONS_COMMENTS.CSV`, fileName: 'cons_comments.csv', optional: true },
];

export const enhancedZipUrl = `${BASE}/CONS_ENHANCED.ZIP`;
