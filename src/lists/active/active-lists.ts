import type { ListEntity } from '../../entity/list-entity.ts';
import type { ControlRule } from '../../goods/control-rule.ts';
import type { Logger } from '../../logger.ts';
import {
  type BuildReport,
  buildIndex,
  buildIndexSliced,
  createIndexBuilder,
  EntityTable,
  type IndexBuilder,
  type IndexPart,
  runInSlices,
  type SliceStats,
} from '../../parties/index.ts';
import { isTenantSource } from '../tenant-source.ts';
import type { VersionStore } from '../versions/version-store.ts';
import {
  controlItemsOf,
  type DeriveControlRules,
  type ListSnapshot,
  type LoadedSource,
  partyParts,
} from './list-snapshot.ts';

export interface ActiveListsOptions {
  store: VersionStore;
  log: Logger;
  /** Control lists are rules, not parties: they go to the goods engine, not the match index. */
  isControlList: (sourceId: string) => boolean;
  /** Longest the build holds the event loop before yielding (default SLICE_MS); 0 yields at every checkpoint. */
  sliceMs?: number;
  /** Control rules derived from a party list's entities, worked out when that list's version is loaded. */
  deriveControlRules?: DeriveControlRules;
  /** Builds the index off the event loop; default: an index process of its own. Closed with these lists. */
  builder?: IndexBuilder;
}

/** Options for the index build: how it slices, what it counts, what stops it. */
type BuildOptions = {
  sliceMs?: number;
  stats: SliceStats;
  signal: AbortSignal;
  report: BuildReport;
  atStart: boolean;
};

/**
 * Keeps this process's snapshot in step with the database's active versions. Items of a source are loaded only
 * when its active version changed; the index is rebuilt over all of them and swapped in one step. The rebuild
 * runs in a child process that tokenises only the lists it has not seen in that version and assembles the
 * index from those it kept, and what stays on the event loop runs in slices that give it back (see
 * parties/index-builder.ts, parties/slices.ts): requests keep being answered from the old snapshot
 * meanwhile, and only the finished one is swapped in.
 */
export function createActiveLists(opts: ActiveListsOptions) {
  /** What the current snapshot was built from; replaced, never changed in place, when a rebuild completes. */
  let loaded = new Map<string, LoadedSource>();
  let snapshot: ListSnapshot = emptySnapshot();
  let running: Promise<ListSnapshot> | undefined;
  let again = false;
  const closing = new AbortController();
  /** Its index process is killed on close (parties/index-builder.ts). */
  const builder = opts.builder ?? createIndexBuilder();

  async function rebuild(): Promise<ListSnapshot> {
    const started = performance.now();
    const slices: SliceStats = { yields: 0, longestMs: 0 };
    // When each step ended (ms since the start), for the log: where an activation's time goes.
    const phases: Record<string, number> = {};
    const mark = (step: string) => {
      phases[step] = Math.round(performance.now() - started);
    };
    const active = (await opts.store.allActive()).filter((v) => !isTenantSource(v.sourceId));
    const activeIds = new Set(active.map((v) => v.sourceId));
    // A copy: if loading or building fails half-way, the next rebuild must still see every change as a change.
    const next = new Map(loaded);
    const changed = new Set<string>();
    for (const id of [...next.keys()]) {
      if (!activeIds.has(id)) {
        next.delete(id);
        changed.add(id);
      }
    }
    for (const version of active) {
      const have = next.get(version.sourceId);
      if (have?.version.version === version.version) continue;
      const items = await opts.store.items(version.sourceId, version.version);
      next.set(
        version.sourceId,
        opts.isControlList(version.sourceId)
          ? // A control list's items are the ControlRule rows its source yielded (goods/control-list-sources.ts).
            { version, rules: items as ControlRule[] }
          : {
              version,
              entries: await runInSlices(
                EntityTable.ofSteps(items as ListEntity[]),
                opts.sliceMs,
                slices,
                closing.signal,
              ),
              derived: opts.deriveControlRules?.(version.sourceId, items as ListEntity[]) ?? [],
            },
      );
      changed.add(version.sourceId);
    }
    mark('loaded');
    if (changed.size === 0) return snapshot;
    // A new control list (a handful of rules) must not cost a rebuild of the 40,000-entity name index.
    const partiesChanged = [...changed].some((id) => !opts.isControlList(id)) || snapshot.builtAt === EPOCH;
    const parts = partiesChanged ? partyParts(next) : undefined;
    const report: BuildReport = { prepared: 0, parts: 0 };
    // The first build answers nobody's request beside it: it need not give way (parties/index-builder.ts).
    const atStart = snapshot.builtAt === EPOCH;
    const partyIndex = parts
      ? await indexOf(parts, {
          sliceMs: opts.sliceMs,
          stats: slices,
          signal: closing.signal,
          report,
          atStart,
        })
      : snapshot.partyIndex;
    mark('indexed');
    // Before the swap, while requests are still answered from the old index: see parties/index-memo.ts.
    const warmed =
      partyIndex === snapshot.partyIndex
        ? 0
        : await runInSlices(
            partyIndex.warmFrom(snapshot.partyIndex, WARM_KEYS),
            opts.sliceMs,
            slices,
            closing.signal,
            WARM_REST_MS,
          );
    mark('warmed');
    // The same buffers the index was built over, in the same order (no copy).
    const entities = parts && EntityTable.concat(parts.map((p) => p.entries));
    const built: ListSnapshot = {
      versions: new Map([...next].map(([id, s]) => [id, s.version])),
      partyIndex,
      // Carried over when no rules changed, so the goods engine keeps its rule index (goods/snapshot-rules.ts).
      controlItems: [...changed].some((id) => hasRules(loaded.get(id)) || hasRules(next.get(id)))
        ? controlItemsOf(next)
        : snapshot.controlItems,
      entityCount: entities ? entities.length : snapshot.entityCount,
      entities: entities ?? snapshot.entities,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
    };
    // The swap: one assignment each, with no await between them, so no request sees one without the other.
    loaded = next;
    snapshot = built;
    opts.log.info(
      {
        sources: built.versions.size,
        entities: built.entityCount,
        buildMs: built.buildMs,
        phases,
        slices: { yields: slices.yields, longestMs: Math.round(slices.longestMs) },
        listsTokenised: parts ? `${report.prepared} of ${report.parts}` : 'none',
        memoKeysWarmed: warmed,
        index: partyIndex.stats(),
      },
      'list snapshot swapped in',
    );
    return built;
  }

  /**
   * In the index process, which keeps each list's tokenised names between activations; should it fail (it
   * needs tsx and a process of its own), in slices on the event loop, which holds each request a slice longer
   * but still answers it.
   */
  async function indexOf(parts: IndexPart[], o: BuildOptions) {
    try {
      return await builder.build(parts, o);
    } catch (err) {
      if (o.signal.aborted) throw err;
      opts.log.warn(
        { err: (err as Error).message },
        'index process failed; building on the event loop in slices',
      );
      return buildIndexSliced(EntityTable.concat(parts.map((p) => p.entries)), o);
    }
  }

  return {
    current: (): ListSnapshot => snapshot,
    /** Coalesces bursts of activations into one rebuild at a time, plus one more if another arrived meanwhile. */
    async refresh(): Promise<ListSnapshot> {
      if (closing.signal.aborted) return snapshot;
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          let s = await rebuild();
          while (again && !closing.signal.aborted) {
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
    /** Stops a rebuild in progress at its next slice (it is then not swapped in) and refuses new ones. */
    async close(): Promise<void> {
      closing.abort(new Error('active lists closed'));
      await running?.catch(() => {});
      builder.close();
    },
  };
}

const EPOCH = new Date(0).toISOString();

/**
 * Keys warmed per query memo (three of them) before a swap, the most asked first (parties/index-memo.ts); each
 * costs ~30 µs. The bench's party mix asks ~130 common words again and again, and a few thousand once or twice.
 * bench:activation-cpu (6 swaps, load 7-9): the first 50 searches after a swap cost the main thread 15.5-27.1 ms
 * (median 17.9) cold, 14.9-25.3 (15.7) with 150 warmed, 11.6-21.0 (15.6) with 500; the refresh's main thread
 * 10-60 ms cold, 40-90 with 150, 70-110 with 500. In one process, a cold and a warmed index alternating over the
 * same searches (300-1,000 warmed per memo): 27-71 ms cold, 18-37 warmed.
 */
const WARM_KEYS = 150;
/** Rest between the warm-up's slices, as the unpacking's (parties/index-builder.ts UNPACK_REST_MS). */
const WARM_REST_MS = 10;

/** Whether a loaded source brings control rules: a control list, or a party list with derived rules. */
const hasRules = (s: LoadedSource | undefined): boolean =>
  s !== undefined && ('rules' in s || (s.derived?.length ?? 0) > 0);

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
