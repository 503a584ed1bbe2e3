import { randomUUID } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random bits. Keys that grow with
 * time land on the right-hand leaf of a B-tree instead of a random one, so after each checkpoint an insert
 * rarely is the first change to its page and pays no full-page image in the WAL. With random (v4) screening
 * ids, the two indexes keyed on them (screenings and their review state) took 7,000 of the 14,300 full-page
 * images that 5,000 screenings wrote after a checkpoint.
 *
 * The random part is a version 4 UUID's: after its version digit, v4 and v7 lay out the same 74 random bits
 * and the same variant, so only the time and the version digit are written over. randomUUID draws from a
 * cached block of secure random bytes; randomFillSync on a fresh 16-byte buffer per id cost ~2% of a
 * screening's main-thread CPU (profile of the in-process screening loop).
 */
export function timeOrderedUuid(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
