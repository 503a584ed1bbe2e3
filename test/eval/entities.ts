import type { ListEntity } from '../../src/entity/list-entity.ts';
import { mk } from '../parties/fixtures.ts';

/**
 * An invented list entry for the benchmark's tests (no real list content), on the list `source`: the parties
 * tests' fixture with its source and kind set. `kind` defaults to what the calling test mostly builds.
 */
export function listEntity(
  source: string,
  entryId: string,
  name: string,
  extra: Partial<ListEntity> = {},
  kind: ListEntity['kind'] = 'person',
): ListEntity {
  return mk(entryId, name, { source, kind, ...extra });
}
