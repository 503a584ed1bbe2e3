import type { ListEntity } from '../../entity/list-entity.ts';
import type { ControlRule } from '../../goods/control-rule.ts';
import { buildIndexSliced, EntityTable, runInSlices } from '../../parties/index.ts';
import { isTenantSource } from '../tenant-source.ts';
import type { VersionStore } from '../versions/version-store.ts';
import type { DeriveControlRules, ListSnapshot } from './list-snapshot.ts';

/**
 * Snapshots of the versions that were active at a past moment, for screenings "as of" then (a regulator asks
 * what the answer would have been on the day). Rare and costly to build, so the last few are kept.
 */
export function createHistoricSnapshots(
  store: VersionStore,
  isControlList: (id: string) => boolean,
  keep = 2,
  deriveControlRules?: DeriveControlRules,
) {
  const cache = new Map<string, Promise<ListSnapshot>>();
  return {
    async at(moment: string): Promise<ListSnapshot> {
      const versions = (await store.activeAt(moment)).filter((v) => !isTenantSource(v.sourceId));
      const key = versions
        .map((v) => `${v.sourceId}@${v.version}`)
        .sort()
        .join(',');
      let snap = cache.get(key);
      if (!snap) {
        snap = (async () => {
          const started = performance.now();
          const controlItems = new Map<string, ControlRule[]>();
          // Each party list's entries go straight into a table, as for the active snapshot: no second array
          // holding every entry as an object (source records included) while the index builds.
          const tables: EntityTable[] = [];
          for (const v of versions) {
            const items = await store.items(v.sourceId, v.version);
            // A control list's items are the ControlRule rows its source yielded (goods/control-list-sources.ts).
            if (isControlList(v.sourceId)) controlItems.set(v.sourceId, items as ControlRule[]);
            else {
              tables.push(await runInSlices(EntityTable.ofSteps(items as ListEntity[])));
              const derived = deriveControlRules?.(v.sourceId, items as ListEntity[]) ?? [];
              if (derived.length) controlItems.set(`${v.sourceId}#derived`, derived);
            }
          }
          const entities = EntityTable.concat(tables);
          // In slices, as for the active snapshot: the one as-of request waits, the others keep being answered.
          const partyIndex = await buildIndexSliced(entities);
          return {
            versions: new Map(versions.map((v) => [v.sourceId, v])),
            partyIndex,
            controlItems,
            entityCount: entities.length,
            entities,
            builtAt: new Date().toISOString(),
            buildMs: Math.round(performance.now() - started),
          };
        })();
        snap.catch(() => cache.delete(key));
        cache.set(key, snap);
        while (cache.size > keep) cache.delete(cache.keys().next().value!);
      }
      return snap;
    },
  };
}

export type HistoricSnapshots = ReturnType<typeof createHistoricSnapshots>;
