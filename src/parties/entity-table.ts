import type { ListEntity } from '../entity/list-entity.ts';
import { runAtOnce, type Steps } from './slices.ts';

const CHUNK_BYTES = 8 * 1024 * 1024;

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
  /**
   * The tables this one was concatenated from, in order (itself if none): a list's table outlives the snapshots
   * built from it, so what is worked out per list (an address index) is kept with it, not redone per snapshot.
   */
  readonly pieces: readonly EntityTable[];

  private constructor(
    private readonly chunks: readonly Chunk[],
    pieces?: readonly EntityTable[],
  ) {
    this.length = chunks.reduce((n, c) => n + c.ends.length, 0);
    this.pieces = pieces ?? [this];
  }

  /**
   * Each entry is written as soon as it is serialised, into chunks of at most CHUNK_BYTES (a first chunk grows
   * from 64 KB): holding every entry's JSON string until the end peaked 124 MB higher when all real lists were
   * indexed at once, still as parsed objects.
   */
  static of(entities: readonly ListEntity[]): EntityTable {
    return runAtOnce(EntityTable.ofSteps(entities));
  }

  /** The same, with a checkpoint every 64 entries (a whole real list took 70-130 ms in one go; see slices.ts). */
  static *ofSteps(entities: readonly ListEntity[]): Steps<EntityTable> {
    const chunks: Chunk[] = [];
    let bytes = Buffer.allocUnsafeSlow(64 * 1024);
    let at = 0;
    let ends: number[] = [];
    // A full chunk is kept as it is (its slack is less than one entry); the last one is copied to its size.
    const seal = (last: boolean) => {
      if (ends.length === 0) return;
      const used = last ? Buffer.from(bytes.subarray(0, at)) : bytes.subarray(0, at);
      chunks.push({ bytes: used, ends: Uint32Array.from(ends) });
    };
    for (const { raw: _raw, ...entity } of entities) {
      if ((ends.length & 63) === 63) yield;
      const text = JSON.stringify(entity);
      const size = Buffer.byteLength(text);
      if (at + size > bytes.length) {
        if (bytes.length < CHUNK_BYTES && at + size <= CHUNK_BYTES) {
          const grown = Buffer.allocUnsafeSlow(Math.min(CHUNK_BYTES, Math.max(2 * bytes.length, at + size)));
          bytes.copy(grown, 0, 0, at);
          bytes = grown;
        } else {
          seal(false);
          bytes = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, size));
          at = 0;
          ends = [];
        }
      }
      at += bytes.write(text, at);
      ends.push(at);
    }
    seal(true);
    return new EntityTable(chunks);
  }

  /** The buffers, for the index process to build an index over a copy of them (see index-builder.ts). */
  chunkParts(): readonly { bytes: Uint8Array; ends: Uint32Array }[] {
    return this.chunks;
  }

  /** A table over buffers received from another thread (they arrive as plain Uint8Arrays). */
  static fromChunks(parts: readonly { bytes: Uint8Array; ends: Uint32Array }[]): EntityTable {
    return new EntityTable(
      parts.map(({ bytes, ends }) => ({
        bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        ends,
      })),
    );
  }

  /** The tables' entries in order, sharing their buffers (no copy). */
  static concat(tables: readonly EntityTable[]): EntityTable {
    return new EntityTable(
      tables.flatMap((t) => t.chunks),
      tables.flatMap((t) => t.pieces),
    );
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
