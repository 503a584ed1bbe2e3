import { runAtOnce, type Steps } from './slices.ts';
import { StringTable } from './string-table.ts';

/**
 * A string → integers multimap, frozen once the index is built: a StringTable of keys and Int32Arrays instead
 * of a number[] per key. With every list loaded the index had ~67,000 such keys, most holding one value,
 * and each array was two more objects for every major GC to mark in the API process, whose tail latency those
 * GCs set. A single value is stored in `slot` itself; several as ~offset into `lists`, length first.
 */
export class StringPostings {
  private constructor(
    private readonly keys: StringTable,
    /** Per key number: its one value, or ~offset into `lists` of its several (length first). */
    private readonly slot: Int32Array,
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
    const keys: string[] = [];
    const slots: number[] = [];
    let at = 0;
    for (const [key, values] of building) {
      if ((keys.length & 1023) === 1023) yield;
      if (values.length === 0) continue;
      if (values.some((v) => v < 0 || !Number.isInteger(v)))
        throw new RangeError(`StringPostings holds non-negative integers (key ${key})`);
      keys.push(key);
      if (values.length === 1) {
        slots.push(values[0]!);
        continue;
      }
      slots.push(~at);
      lists[at++] = values.length;
      for (const v of values) lists[at++] = v;
    }
    return new StringPostings(yield* StringTable.ofSteps(keys), Int32Array.from(slots), lists);
  }

  /** The parts, to send to another thread (typed arrays and one string); `fromParts` puts them together. */
  parts(): PostingsParts {
    return { keys: this.keys.parts(), slot: this.slot, lists: this.lists };
  }

  static fromParts(p: PostingsParts): StringPostings {
    return new StringPostings(StringTable.fromParts(p.keys), p.slot, p.lists);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Calls `fn` with each value under `key`, in the order they were added. */
  forEach(key: string, fn: (value: number) => void): void {
    const k = this.keys.get(key);
    if (k === undefined) return;
    const s = this.slot[k]!;
    if (s >= 0) {
      fn(s);
      return;
    }
    const start = ~s + 1;
    const end = start + this.lists[~s]!;
    for (let i = start; i < end; i++) fn(this.lists[i]!);
  }

  /** Rough bytes held: the keys' table and the arrays. */
  approxBytes(): number {
    return this.keys.approxBytes() + this.slot.byteLength + this.lists.byteLength;
  }
}

export interface PostingsParts {
  keys: ReturnType<StringTable['parts']>;
  slot: Int32Array;
  lists: Int32Array;
}
