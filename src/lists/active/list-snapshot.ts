import type { ListEntity } from '../../entity/list-entity.ts';
import type { ControlRule } from '../../goods/control-rule.ts';
import type { EntityTable, IndexPart, MatchIndex } from '../../parties/index.ts';
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
  controlItems: Map<string, ControlRule[]>;
  entityCount: number;
  /** The party lists' entries behind `partyIndex` (shared buffers, no copy): the red flags read their addresses. */
  entities?: EntityTable;
  builtAt: string;
  buildMs: number;
}

/** An active version held in memory: a control list's rules, or a party list's entries. */
export type LoadedSource =
  | { version: ListVersionRow; rules: ControlRule[] }
  | { version: ListVersionRow; entries: EntityTable; derived?: ControlRule[] };

/** Control rules derived from a party list's entities (diversion-risk countries from EU Annex IV addresses). */
export type DeriveControlRules = (sourceId: string, entities: readonly ListEntity[]) => ControlRule[];

/**
 * The control items of a snapshot: each control list's rules under its id, and the rules derived from a party
 * list under `<id>#derived`, so they are rebuilt with that list's versions and never outlive them.
 */
export function controlItemsOf(loaded: Map<string, LoadedSource>): Map<string, ControlRule[]> {
  const items = new Map<string, ControlRule[]>();
  for (const [id, s] of loaded) {
    if ('rules' in s) items.set(id, s.rules);
    else if (s.derived?.length) items.set(`${id}#derived`, s.derived);
  }
  return items;
}

/**
 * The party lists' entries, in load order, each named by its version (id and content hash) so that the index
 * worker can reuse what it prepared for that version; concatenated, they are the snapshot's entity table.
 */
export function partyParts(loaded: Map<string, LoadedSource>): IndexPart[] {
  return [...loaded].flatMap(([source, s]) =>
    'entries' in s
      ? [{ source, version: `${s.version.version}:${s.version.contentHash}`, entries: s.entries }]
      : [],
  );
}
