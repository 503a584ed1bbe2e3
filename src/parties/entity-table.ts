import type { ListEntity } from '../lists/entity.ts';

interface Chunk {
  /** UTF-8 JSON of each entry, back to back; `ends[i]` is where entry i of the chunk stops. */
  bytes: Buffer;
  ends: Uint32Array;
}

/**
 * The entries behind a match index, held as UTF-8 JSON in buffers outside the JS heap; an entry becomes an
 * object only when one of its candidates is good enough to be explained (a handful per screening). As objects,
 * the real lists' 44,000 entries were about a million small heap objects that every major GC marked while
 * requests waited: with all real lists loaded a full GC took 85 ms with them and 36 ms without (heap 98 → 43
 * MB; the buffers hold 33 MB). The source record (`raw`) is dropped: matching never reads it, and display
 * and diffs read it from the database.
 */
export class EntityTable {
  readonly length: number;

  private constructor(private readonly chunks: readonly Chunk[]) {
    this.length = chunks.reduce((n, c) => n + c.ends.length, 0);
  }

  static of(entities: readonly ListEntity[]): EntityTable {
    const texts = entities.map(({ raw: _raw, ...entity }) => JSON.stringify(entity));
    const ends = new Uint32Array(texts.length);
    let total = 0;
    for (let i = 0; i < texts.length; i++) {
      total += Buffer.byteLength(texts[i]!);
      ends[i] = total;
    }
    const bytes = Buffer.allocUnsafeSlow(total);
    let at = 0;
    for (const text of texts) at += bytes.write(text, at);
    return new EntityTable(ends.length > 0 ? [{ bytes, ends }] : []);
  }

  /** The tables' entries in order, sharing their buffers (no copy). */
  static concat(tables: readonly EntityTable[]): EntityTable {
    return new EntityTable(tables.flatMap((t) => t.chunks));
  }

  /** A fresh object on every call: callers may keep or change it. */
  get(i: number): ListEntity {
    if (!Number.isInteger(i) || i < 0 || i >= this.length)
      throw new RangeError(`no entity ${i} in a table of ${this.length}`);
    let k = i;
    for (const { bytes, ends } of this.chunks) {
      if (k < ends.length) return JSON.parse(bytes.toString('utf8', k === 0 ? 0 : ends[k - 1], ends[k]));
      k -= ends.length;
    }
    throw new RangeError(`no entity ${i}`);
  }
}
