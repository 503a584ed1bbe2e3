import { loadControlLists } from '../../src/goods/index.ts';

/** The shipped data files, loaded once for all tests in a file. */
export const shipped = await loadControlLists();
