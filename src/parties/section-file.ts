import { closeSync, existsSync, ftruncateSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A value of plain objects, arrays, scalars, typed arrays and strings, as one file of 8-byte aligned sections
 * (each typed array's bytes, each long string's characters) plus a small JSON skeleton that says where each one
 * is. How the index process and the API process hand each other entity buffers and built indexes: the file is
 * written and read by libuv's thread pool (fs.promises) or by the niced index process, and the reader makes
 * typed-array views over the bytes it read, without copying them. The alternative, one IPC message of tens of MB,
 * is deserialised in one block on the receiving event loop: the very stall the index process exists to avoid.
 */
export interface Encoded {
  /** JSON-safe: the value with each section replaced by where it is (see Section). */
  skeleton: unknown;
  /** The bytes of each section and where it starts in the file; the file is `size` bytes. */
  sections: { at: number; bytes: Uint8Array }[];
  size: number;
}

/** A section's place in the skeleton: a typed array of `n` elements, or a string of `n` bytes, at byte `at`. */
type Section =
  | { $section: TypedName; at: number; n: number }
  | { $section: 'latin1' | 'utf16le'; at: number; n: number };

const TYPED = {
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/** Strings shorter than this stay in the skeleton: a section costs a read of its own on the other side. */
const LONG_STRING = 4096;
const ALIGN = 8;

export function encode(value: unknown): Encoded {
  const sections: Encoded['sections'] = [];
  let size = 0;
  const place = (bytes: Uint8Array): number => {
    const at = size;
    sections.push({ at, bytes });
    size = Math.ceil((at + bytes.byteLength) / ALIGN) * ALIGN;
    return at;
  };
  const walk = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) {
      const name = typedName(v);
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      return { $section: name, at: place(bytes), n: (v as Typed).length } satisfies Section;
    }
    if (typeof v === 'string' && v.length >= LONG_STRING) {
      // One byte a character when every character fits (the romanised vocabulary mostly does), else two.
      const enc = /[\u0100-\uffff]/.test(v) ? 'utf16le' : 'latin1';
      const bytes = Buffer.from(v, enc);
      return { $section: enc, at: place(bytes), n: bytes.byteLength } satisfies Section;
    }
    // JSON would turn these into null.
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`section-file: number ${v}`);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      if (Object.getPrototypeOf(v) !== Object.prototype)
        throw new TypeError('section-file: not a plain object');
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return { skeleton: walk(value), sections, size };
}

function typedName(v: ArrayBufferView): TypedName {
  // A Buffer is a Uint8Array, and is read back as one.
  for (const [name, Ctor] of Object.entries(TYPED)) if (v instanceof Ctor) return name as TypedName;
  throw new TypeError(`section-file: ${v.constructor.name} is not supported`);
}

/** The value again, over `file` (the whole file's bytes): typed arrays are views into it, not copies. */
export function decode<T>(skeleton: unknown, file: Buffer): T {
  // A typed array's view must start at a multiple of its element size; a file read whole starts at 0 of its own
  // buffer, but a pooled small one need not.
  const buf = file.byteOffset % ALIGN === 0 ? file : Buffer.from(Uint8Array.prototype.slice.call(file));
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    if ('$section' in v) {
      const s = v as Section;
      if (s.$section === 'latin1' || s.$section === 'utf16le')
        return buf.toString(s.$section, s.at, s.at + s.n);
      return new TYPED[s.$section](buf.buffer as ArrayBuffer, buf.byteOffset + s.at, s.n);
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(skeleton) as T;
}

/**
 * Written from the index process, which may block: it has no requests to hold up. Returns the path written: the
 * first of the hand-over directories with room (handOverDirs).
 */
export function writeSectionsSync(name: string, e: Encoded): string {
  return inFirstWithRoom(name, (path) => {
    const fd = openSync(path, 'wx', 0o600);
    try {
      ftruncateSync(fd, e.size); // padding and empty sections at the end are bytes of the file too
      for (const { at, bytes } of e.sections) {
        for (let done = 0; done < bytes.byteLength; )
          done += writeSync(fd, bytes, done, bytes.byteLength - done, at + done);
      }
    } finally {
      closeSync(fd);
    }
  });
}

/** Written from the API process through libuv's thread pool: its event loop only queues the writes. */
export async function writeSections(name: string, e: Encoded): Promise<string> {
  for (const [i, dir] of handOverDirs().entries()) {
    const path = join(dir, name);
    try {
      const fh = await open(path, 'wx', 0o600);
      try {
        await fh.truncate(e.size);
        for (const { at, bytes } of e.sections) {
          for (let done = 0; done < bytes.byteLength; )
            done += (await fh.write(bytes, done, bytes.byteLength - done, at + done)).bytesWritten;
        }
      } finally {
        await fh.close();
      }
      return path;
    } catch (err) {
      await rm(path, { force: true });
      if (!isFull(err) || i === handOverDirs().length - 1) throw err;
    }
  }
  throw new Error('section-file: no hand-over directory');
}

function inFirstWithRoom(name: string, write: (path: string) => void): string {
  const dirs = handOverDirs();
  for (const [i, dir] of dirs.entries()) {
    const path = join(dir, name);
    try {
      write(path);
      return path;
    } catch (err) {
      rmSync(path, { force: true });
      if (!isFull(err) || i === dirs.length - 1) throw err;
    }
  }
  throw new Error('section-file: no hand-over directory');
}

const isFull = (err: unknown) => ['ENOSPC', 'EDQUOT'].includes((err as NodeJS.ErrnoException)?.code ?? '');

/**
 * Where hand-over files go: /dev/shm (memory, never a disk write) where it exists, then the system's temporary
 * directory, for a file that does not fit (a container's /dev/shm is often 64 MB, an index's file tens of MB).
 * A file lives from its writing to its reading, which unlinks it.
 */
export function handOverDirs(): string[] {
  return existsSync('/dev/shm') ? ['/dev/shm', tmpdir()] : [tmpdir()];
}

/** The start of the name of every hand-over file to or from index process `pid`. */
export const handOverPrefix = (pid: number) => `tradescreen-index-${pid}-`;

/** Removes every hand-over file whose name starts with `prefix` (a process that goes away cleans up after itself). */
export function removeHandOvers(prefix: string): void {
  for (const dir of handOverDirs()) {
    try {
      for (const f of readdirSync(dir)) if (f.startsWith(prefix)) rmSync(join(dir, f), { force: true });
    } catch {}
  }
}
