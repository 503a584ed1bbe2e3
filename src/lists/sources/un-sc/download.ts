import type { SourceFile } from '../../../entity/list-entity.ts';

/** The UN publishes one XML for every Security Council regime; the same file backs its HTML and PDF views. */
export const files: SourceFile[] = [
  { url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml', fileName: 'consolidated.xml' },
];
