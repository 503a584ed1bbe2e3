import type { MatchIndex } from '../../parties/index.ts';
import type { ListEntity } from '../entity.ts';
import type { ListVersionRow } from '../versions/version-types.ts';

/**
 * What one API process screens against: the active versions and the structures built from them. A snapshot is
 * immutable; a refresh builds a new one off the request path and swaps the reference in one assignment, so a
 * request sees either the old lists or the new ones, never a mix.
 */
export interface ListSnapshot {
  versions: Map<string, ListVersionRow>;
  partyIndex: MatchIndex;
  /** Items of control lists (goods rules), by source id. */
  controlItems: Map<string, unknown[]>;
  entityCount: number;
  builtAt: string;
  buildMs: number;
}

export interface SourceItems {
  version: ListVersionRow;
  items: unknown[];
}

export function partyEntities(
  loaded: Map<string, SourceItems>,
  isParty: (sourceId: string) => boolean,
): ListEntity[] {
  const out: ListEntity[] = [];
  for (const [sourceId, { items }] of loaded) {
    if (isParty(sourceId)) for (const item of items) out.push(item as ListEntity);
  }
  return out;
}
