import type { SourceFile } from '../../../entity/list-entity.ts';

/**
 * The EU Financial Sanctions Files consolidated list, XML 1.1. The download link on the Commission's public
 * dataset page (data.europa.eu, "Consolidated list of persons, groups and entities subject to EU financial
 * sanctions") carries `token=dG9rZW4tMjAxNw` — base64 of "token-2017", the same fixed value for every visitor,
 * not a secret; a subscriber's own token, or a local copy, goes in LIST_SOURCE_EU_FSF and replaces this URL.
 * The same list as CSV 1.1 (csvFullSanctionsList_1_1) is readable too, but only one of the two should sit in
 * the source's directory or every entry would be read twice.
 */
export const files: SourceFile[] = [
  {
    url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
    fileName: 'xmlFullSanctionsList_1_1.xml',
  },
];
