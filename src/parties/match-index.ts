import type { ListEntity } from '../entity/list-entity.ts';
import { type BackgroundRarity, rarityOf } from './background-rarity.ts';
import { buildIndexData, buildIndexDataSliced } from './build-index.ts';
import type { EntityTable } from './entity-table.ts';
import { warmFrameMemo } from './frame-index.ts';
import type { IndexData } from './index-data.ts';
import { warmLinkMemos } from './prepare-query.ts';
import { fullScanIndex, searchIndex } from './search.ts';
import type { SliceStats, Steps } from './slices.ts';
import type { Hit, IndexStats, MatchIndex, PartyQuery, SearchOptions } from './types.ts';

/** Builds an immutable index; build it off the request path and swap the reference when done. */
export function buildIndex(
  entities: readonly ListEntity[] | EntityTable,
  background?: BackgroundRarity,
): MatchIndex {
  return indexOver(buildIndexData(entities, background));
}

/**
 * The same index, built in slices that give the event loop back every `sliceMs` (see slices.ts): for the API
 * process, where a build of every real list at once held every request in flight for 1.5-3.5 s.
 */
export async function buildIndexSliced(
  entities: readonly ListEntity[] | EntityTable,
  opts: { sliceMs?: number; stats?: SliceStats; signal?: AbortSignal; background?: BackgroundRarity } = {},
): Promise<MatchIndex> {
  return indexOver(
    await buildIndexDataSliced(entities, opts.sliceMs, opts.stats, opts.signal, opts.background),
  );
}

/** The search functions over built index data (however it was built). */
export function indexOver(d: IndexData): MatchIndex {
  const index: MatchIndex = {
    search: (q: PartyQuery, o?: SearchOptions): Hit[] => searchIndex(d, q, o),
    fullScan: (q: PartyQuery, o?: SearchOptions): Hit[] => fullScanIndex(d, q, o),
    stats: (): IndexStats => statsOf(d),
    rarity: (): BackgroundRarity => rarityOf(d),
    *warmFrom(previous: MatchIndex, most: number): Steps<number> {
      const from = dataOf.get(previous);
      if (!from) return 0;
      return (yield* warmLinkMemos(from, d, most)) + (yield* warmFrameMemo(from, d, most));
    },
  };
  dataOf.set(index, d);
  return index;
}

/** Each index's data, for warmFrom: the memos are keyed by it, and MatchIndex does not show it. */
const dataOf = new WeakMap<MatchIndex, IndexData>();

function statsOf(d: IndexData): IndexStats {
  const arrays = [
    d.df,
    d.postStart,
    d.post,
    d.delHash,
    d.delVocab,
    d.delTable,
    d.nameEntity,
    d.nameAlias,
    d.nameWeak,
    d.nameLegal,
    d.nameHasInitial,
    d.entNameStart,
    d.tokStart,
    d.tokVocab,
    d.tokFlags,
    d.tokWeight,
    d.tokWordHash,
    d.tokLightHash,
    d.nameWeight,
    d.glueStart,
    d.glueVocab,
    d.gluePos,
    d.frameVocab,
    d.frameVowels,
  ];
  let bytes = arrays.reduce((s, a) => s + a.byteLength, 0);
  // Strings: ~2 bytes per char + ~32 bytes of header, held once in the vocabulary and once as a map key. From
  // the table's text, which holds every word once: a walk over ~108,000 strings is 3-10 ms of the main thread at
  // the very moment of a swap, which logs these figures.
  bytes += d.vocabMap.chars * 2 + d.vocab.length * (32 + 40);
  bytes += d.fullKey.approxBytes() + d.frames.approxBytes() + d.ids.approxBytes();
  let glueKeys = 0;
  for (let v = 0; v < d.vocab.length; v++) if (d.df[v] === 0) glueKeys++;
  return {
    entities: d.entities.length,
    names: d.nameEntity.length,
    vocabulary: d.vocab.length - glueKeys,
    glueKeys,
    postings: d.post.length,
    deletionKeys: d.delHash.length,
    identifiers: d.ids.size,
    approxBytes: bytes,
    buildMs: Math.round(d.buildMs),
  };
}
