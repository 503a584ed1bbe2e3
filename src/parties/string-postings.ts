import { runAtOnce, type Steps } from './slices.ts';

/**
 * A string → integers multimap, frozen once the index is built: one Map<string, number> and one Int32Array
 * instead of a number[] per key. With every list loaded the index had ~67,000 such keys, most holding one value,
 * and each array was two more objects for every major GC to mark in the API process, whose tail latency those
 * GCs set. A single value is stored in the map itself; several as ~offset into `lists`, length first.
 */
export class StringPostings {
  private constructor(
    private readonly slot: Map<string, number>,
    private readonly lists: Int32Array,
  ) {}

  /** Values must be non-negative (they are entity and name numbers). */
  static freeze(building: ReadonlyMap<string, readonly number[]>): StringPostings {
    return runAtOnce(StringPostings.freezeSteps(building));
  }

  /** The same, with a checkpoint every 1,024 keys (see slices.ts). */
  static *freezeSteps(building: ReadonlyMap<string, readonly number[]>): Steps<StringPostings> {
    let multi = 0;
    for (const values of building.values()) if (values.length > 1) multi += values.length + 1;
    const lists = new Int32Array(multi);
    const slot = new Map<string, number>();
    let at = 0;
    let keys = 0;
    for (const [key, values] of building) {
      if ((++keys & 1023) === 0) yield;
      if (values.length === 0) continue;
      if (values.some((v) => v < 0 || !Number.isInteger(v)))
        throw new RangeError(`StringPostings holds non-negative integers (key ${key})`);
      if (values.length === 1) {
        slot.set(key, values[0]!);
        continue;
      }
      slot.set(key, ~at);
      lists[at++] = values.length;
      for (const v of values) lists[at++] = v;
    }
    return new StringPostings(slot, lists);
  }

  /** The two halves, to send to another thread; `fromParts` puts them back together. */
  parts(): { slot: ReadonlyMap<string, number>; lists: Int32Array } {
    return { slot: this.slot, lists: this.lists };
  }

  static fromParts(slot: Map<string, number>, lists: Int32Array): StringPostings {
    return new StringPostings(slot, lists);
  }

  get size(): number {
    return this.slot.size;
  }

  /** Calls `fn` with each value under `key`, in the order they were added. */
  forEach(key: string, fn: (value: number) => void): void {
    const s = this.slot.get(key);
    if (s === undefined) return;
    if (s >= 0) {
      fn(s);
      return;
    }
    const start = ~s + 1;
    const end = start + this.lists[~s]!;
    for (let i = start; i < end; i++) fn(this.lists[i]!);
  }

  /** Rough bytes held: keys as UTF-16 with headers, map slots and the shared array. */
  approxBytes(): number {
    let bytes = this.lists.byteLength;
    for (const key of this.slot.keys()) bytes += key.length * 2 + 32 + 24;
    return bytes;
  }
}
