import { runAtOnce, type Steps } from './slices.ts';

/**
 * A frozen list of distinct strings, each found by its number: the keys in one string, their bounds and an
 * open-addressing hash table in typed arrays. It replaces the index's Maps of strings because it crosses from
 * the index worker as it is: the main thread took 60-80 ms of CPU per list activation, most of its share,
 * re-inserting ~110,000 vocabulary strings and ~67,000 posting keys into new Maps (then collecting the old
 * ones), while every request waited a slice at a time (bench:activation-cpu under a CPU profile). Now nothing
 * is rebuilt there: the typed arrays are transferred and the text is one string.
 */
export class StringTable {
  private constructor(
    private readonly text: string,
    /** Key i is text[starts[i], starts[i + 1]). */
    private readonly starts: Int32Array,
    /** Key number + 1 at the slot its hash probes to first (or after, linearly); 0 is an empty slot. */
    private readonly slots: Int32Array,
  ) {}

  static of(keys: readonly string[]): StringTable {
    return runAtOnce(StringTable.ofSteps(keys));
  }

  /** The same, with a checkpoint every 1,024 keys (see slices.ts). Keys must be distinct. */
  static *ofSteps(keys: readonly string[]): Steps<StringTable> {
    const starts = new Int32Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) starts[i + 1] = starts[i]! + keys[i]!.length;
    // At most half full, so a probe for a missing key stops within a couple of slots.
    let size = 1;
    while (size < keys.length * 2) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      if ((i & 1023) === 1023) yield;
      let at = stringHash(keys[i]!, 0, keys[i]!.length) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = i + 1;
    }
    return new StringTable(keys.join(''), starts, slots);
  }

  /** The parts, to send to another thread (the arrays can be transferred); `fromParts` puts them together. */
  parts(): { text: string; starts: Int32Array; slots: Int32Array } {
    return { text: this.text, starts: this.starts, slots: this.slots };
  }

  static fromParts(p: { text: string; starts: Int32Array; slots: Int32Array }): StringTable {
    return new StringTable(p.text, p.starts, p.slots);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The keys' characters, all together. */
  get chars(): number {
    return this.text.length;
  }

  /** The number of `key`, or undefined when it is not in the table. */
  get(key: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let at = stringHash(key, 0, key.length) & mask; ; at = (at + 1) & mask) {
      const k = this.slots[at]!;
      if (k === 0) return undefined;
      const from = this.starts[k - 1]!;
      if (this.starts[k]! - from === key.length && this.text.startsWith(key, from)) return k - 1;
    }
  }

  /**
   * The number of the key equal to `text[from, to)`, or undefined: `get` without making the string (the
   * unpacking of a new index looks up each of its ~110,000 words in the previous index's table this way).
   */
  find(text: string, from: number, to: number): number | undefined {
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let at = stringHash(text, from, to) & mask; ; at = (at + 1) & mask) {
      const k = this.slots[at]!;
      if (k === 0) return undefined;
      const start = this.starts[k - 1]!;
      if (this.starts[k]! - start === length && sameChars(this.text, start, text, from, length)) return k - 1;
    }
  }

  /** Key i, as a new string. */
  key(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }

  approxBytes(): number {
    return this.text.length * 2 + this.starts.byteLength + this.slots.byteLength;
  }
}

/** FNV-1a over the UTF-16 code units of s[from, to): the same on every thread, unlike V8's own string hashes. */
function stringHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sameChars(a: string, aFrom: number, b: string, bFrom: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a.charCodeAt(aFrom + i) !== b.charCodeAt(bFrom + i)) return false;
  return true;
}
