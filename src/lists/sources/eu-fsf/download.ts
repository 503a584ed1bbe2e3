import type { SourceFile } from '../../../entity/list-entity.ts';

/**
 * The EU Financial Sanctions Files consolidated list, XML 1.1. The Commission hands each subscriber a personal
 * `token` for this URL, so the URL here is a placeholder: set LIST_SOURCE_EU_FSF to the tokenised URL (or to a
 * local copy) and that override replaces it. The same list as CSV 1.1 (csvFullSanctionsList_1_1) is readable
 * too, but only one of the two should sit in the source's directory or every entry would be read twice.
 */
export const files: SourceFile[] = [
  {
    url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=<FSF_TOKEN>',
    fileName: 'xmlFullSanctionsList_1_1.xml',
  },
];
