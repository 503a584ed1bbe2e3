import type { SourceFile } from '../../../entity/list-entity.ts';

/** BIS publishes the Denied Persons List as one tab-delimited text file. */
export const files: SourceFile[] = [{ url: 'https://www.bis.doc.gov/dpl/dpl.txt', fileName: 'dpl.txt' }];
