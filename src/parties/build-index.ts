import type { ListEntity } from '../entity/list-entity.ts';
import { assembleIndexSteps } from './assemble-index.ts';
import type { BackgroundRarity } from './background-rarity.ts';
import { EntityTable } from './entity-table.ts';
import type { IndexData } from './index-data.ts';
import { prepareSourceSteps } from './prepare-source.ts';
import { runAtOnce, runInSlices, type SliceStats, type Steps } from './slices.ts';

export function buildIndexData(
  entities: readonly ListEntity[] | EntityTable,
  background?: BackgroundRarity,
): IndexData {
  return runAtOnce(buildIndexSteps(entities, background));
}

/** The same index, built in slices that give the event loop back (see slices.ts). */
export function buildIndexDataSliced(
  entities: readonly ListEntity[] | EntityTable,
  sliceMs?: number,
  stats?: SliceStats,
  signal?: AbortSignal,
  background?: BackgroundRarity,
): Promise<IndexData> {
  return runInSlices(buildIndexSteps(entities, background), sliceMs, stats, signal);
}

/**
 * A whole build is the incremental one with a single part: the entries prepared as one list
 * (prepare-source.ts), then assembled (assemble-index.ts). One body for both, so an index put together from
 * kept per-list parts cannot drift from one built at once. Checkpoints (`yield`) sit inside every loop that
 * grows with the lists, spaced so that the work between two of them stays well under a millisecond.
 */
export function* buildIndexSteps(
  entities: readonly ListEntity[] | EntityTable,
  background?: BackgroundRarity,
): Steps<IndexData> {
  const t0 = performance.now();
  const part = yield* prepareSourceSteps(entities);
  const built = yield* assembleIndexSteps([part], background);
  return {
    ...built,
    entities: entities instanceof EntityTable ? entities : yield* EntityTable.ofSteps(entities),
    buildMs: performance.now() - t0,
  };
}
