import type { IndexData } from './index-data.ts';
import type { Steps } from './slices.ts';

interface Entry<A, V> {
  /** What the value was computed from, so that the key can be computed again over a new index. */
  args: A;
  value: V;
  /** How often it was asked for once computed, carried over by a warm-up: the warm-up takes the most asked. */
  hits: number;
}

/**
 * A bounded memo, per index, of a pure function of the index and a few arguments (a query word's links). Names
 * share words (given names, surnames, "trading", legal forms), so most of a query's links come from here; an
 * index is immutable, so a value never goes stale, and a new index (a list activation) has a memo of its own.
 * Full, it drops everything: crude, but the common keys return within a few queries.
 *
 * A new index's memo starts empty, so the screenings right after a swap paid for every common word's links
 * again, on top of the swap's own cost (bench:activation BENCH_TRACE showed a backlog of screenings there while
 * GET /healthz answered). warmSteps computes the old index's most asked keys over the new index before the swap.
 * The values are computed afresh (the new index numbers its vocabulary anew), so a warmed memo answers exactly
 * as one filled by queries (test/parties/index-memo.test.ts).
 */
export class IndexMemo<A extends unknown[], V> {
  private readonly byIndex = new WeakMap<IndexData, Map<string, Entry<A, V>>>();

  constructor(
    private readonly compute: (d: IndexData, ...args: A) => V,
    private readonly max: number,
  ) {}

  /** The value for `key`, computed from `args` if the index has none yet; `key` must name `args` exactly. */
  get(d: IndexData, key: string, ...args: A): V {
    const memo = this.memoOf(d);
    const hit = memo.get(key);
    if (hit) {
      hit.hits++;
      return hit.value;
    }
    const value = this.compute(d, ...args);
    if (memo.size >= this.max) memo.clear();
    memo.set(key, { args, value, hits: 0 });
    return value;
  }

  /**
   * Computes over `to` the `most` keys of `from` asked for most often (at least twice), the most asked first, so
   * that an aborted warm-up has done the likeliest; a checkpoint after each key. Never past the memo's bound,
   * which would drop what it warmed. Returns how many keys it computed.
   */
  *warmSteps(from: IndexData, to: IndexData, most: number): Steps<number> {
    const old = this.byIndex.get(from);
    if (!old || from === to) return 0;
    const asked = [...old].filter(([, e]) => e.hits > 0).sort(([, a], [, b]) => b.hits - a.hits);
    yield;
    const memo = this.memoOf(to);
    let computed = 0;
    for (const [key, { args, hits }] of asked.slice(0, most)) {
      if (memo.size >= this.max) break;
      if (memo.has(key)) continue;
      memo.set(key, { args, value: this.compute(to, ...args), hits });
      computed++;
      yield;
    }
    return computed;
  }

  private memoOf(d: IndexData): Map<string, Entry<A, V>> {
    let memo = this.byIndex.get(d);
    if (!memo) {
      memo = new Map();
      this.byIndex.set(d, memo);
    }
    return memo;
  }
}
