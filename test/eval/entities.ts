import type { ListEntity } from '../../src/entity/list-entity.ts';

/**
 * An invented list entry for the benchmark's tests (no real list content): every field empty but the ones a test
 * names. `kind` defaults to what the calling test mostly builds.
 */
export function listEntity(
  source: string,
  entryId: string,
  name: string,
  extra: Partial<ListEntity> = {},
  kind: ListEntity['kind'] = 'person',
): ListEntity {
  return {
    source,
    entryId,
    kind,
    name,
    aliases: [],
    countries: [],
    identifiers: [],
    addresses: [],
    birthDates: [],
    programs: [],
    raw: {},
    ...extra,
  };
}
