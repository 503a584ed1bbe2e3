import type { Logger } from '../../logger.ts';
import { buildIndex, EntityTable } from '../../parties/index.ts';
import { isTenantSource } from '../custom/tenant-source.ts';
import type { ListEntity } from '../entity.ts';
import type { VersionStore } from '../versions/version-store.ts';
import { type ListSnapshot, type LoadedSource, partyEntries } from './list-snapshot.ts';

export interface ActiveListsOptions {
  store: VersionStore;
  log: Logger;
  /** Control lists are rules, not parties: they go to the goods engine, not the match index. */
  isControlList: (sourceId: string) => boolean;
}

/**
 * Keeps this process's snapshot in step with the database's active versions. Items of a source are loaded only
 * when its active version changed; the index is rebuilt from all of them and swapped in one step.
 */
export function createActiveLists(opts: ActiveListsOptions) {
  const loaded = new Map<string, LoadedSource>();
  let snapshot: ListSnapshot = emptySnapshot();
  let running: Promise<ListSnapshot> | undefined;
  let again = false;

  async function rebuild(): Promise<ListSnapshot> {
    const started = performance.now();
    const active = (await opts.store.allActive()).filter((v) => !isTenantSource(v.sourceId));
    const activeIds = new Set(active.map((v) => v.sourceId));
    const changed = new Set<string>();
    for (const id of [...loaded.keys()]) {
      if (!activeIds.has(id)) {
        loaded.delete(id);
        changed.add(id);
      }
    }
    for (const version of active) {
      const have = loaded.get(version.sourceId);
      if (have?.version.version === version.version) continue;
      const items = await opts.store.items(version.sourceId, version.version);
      loaded.set(
        version.sourceId,
        opts.isControlList(version.sourceId)
          ? { version, rules: items }
          : { version, entries: EntityTable.of(items as ListEntity[]) },
      );
      changed.add(version.sourceId);
    }
    if (changed.size === 0) return snapshot;
    // A new control list (a handful of rules) must not cost a rebuild of the 40,000-entity name index.
    const partiesChanged = [...changed].some((id) => !opts.isControlList(id)) || snapshot.builtAt === EPOCH;
    const entities = partiesChanged ? partyEntries(loaded) : undefined;
    const partyIndex = entities ? buildIndex(entities) : snapshot.partyIndex;
    const next: ListSnapshot = {
      versions: new Map([...loaded].map(([id, s]) => [id, s.version])),
      partyIndex,
      controlItems: new Map([...loaded].flatMap(([id, s]) => ('rules' in s ? [[id, s.rules]] : []))),
      entityCount: entities ? entities.length : snapshot.entityCount,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
    };
    snapshot = next;
    opts.log.info(
      {
        sources: next.versions.size,
        entities: next.entityCount,
        buildMs: next.buildMs,
        index: partyIndex.stats(),
      },
      'list snapshot swapped in',
    );
    return next;
  }

  return {
    current: (): ListSnapshot => snapshot,
    /** Coalesces bursts of activations into one rebuild at a time, plus one more if another arrived meanwhile. */
    async refresh(): Promise<ListSnapshot> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          let s = await rebuild();
          while (again) {
            again = false;
            s = await rebuild();
          }
          return s;
        } finally {
          running = undefined;
        }
      })();
      return running;
    },
  };
}

const EPOCH = new Date(0).toISOString();

function emptySnapshot(): ListSnapshot {
  return {
    versions: new Map(),
    partyIndex: buildIndex([]),
    controlItems: new Map(),
    entityCount: 0,
    builtAt: EPOCH,
    buildMs: 0,
  };
}

export type ActiveLists = ReturnType<typeof createActiveLists>;
