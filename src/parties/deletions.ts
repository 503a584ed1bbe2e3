import { maxEdits } from './edit-distance.ts';

/**
 * Deletion neighbourhood (SymSpell): two strings within k edits (OSA) share a string obtained by deleting
 * at most k characters from each. We hash those strings to 32 bits; a collision only adds a candidate that
 * the exact distance check then rejects, so lookups never miss a link.
 *
 * The hash is polynomial (h = h·B + c, mod 2³²), so the hash of a string with one or two characters deleted
 * is put together from prefix hashes in constant time: a key of n letters costs ~n²/2 steps, not the n³/2 of
 * rehashing each deletion string (a 40-letter glued key: 780 steps instead of ~30,000). The same function
 * hashes list tokens and query tokens, so the two sides always agree.
 */
const B = 0x01000193;

/** Longest token that gets a deletion neighbourhood; tokenize.ts already cuts keys to 40, this is the backstop. */
export const MAX_NEIGHBOURHOOD_CHARS = 64;

const pow = new Int32Array(MAX_NEIGHBOURHOOD_CHARS + 1);
pow[0] = 1;
for (let i = 1; i < pow.length; i++) pow[i] = Math.imul(pow[i - 1]!, B);
// prefix[i] is the hash of the first i characters.
const prefix = new Int32Array(MAX_NEIGHBOURHOOD_CHARS + 1);

/** Spreads the polynomial's bits (murmur3's finaliser): its low bits alone mix poorly. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function tokenHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, B) + s.charCodeAt(i)) | 0;
  return fmix(h);
}

/** Hash of token[a, b) from the prefix hashes. */
const sub = (a: number, b: number) => (prefix[b]! - Math.imul(prefix[a]!, pow[b - a]!)) | 0;

/**
 * Calls `visit` with the hash of the token and of every string made by deleting up to k characters,
 * k = maxEdits, at most `limit` (a hash may come twice: deleting either letter of a double letter gives the
 * same string). A token longer than MAX_NEIGHBOURHOOD_CHARS gets only its own hash.
 */
export function forEachDeletionHash(token: string, visit: (h: number) => void, limit = 2): void {
  const n = token.length;
  const k = Math.min(maxEdits(n), limit);
  if (k === 0 || n > MAX_NEIGHBOURHOOD_CHARS) {
    visit(tokenHash(token));
    return;
  }
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, B) + token.charCodeAt(i)) | 0;
  visit(fmix(prefix[n]!));
  for (let i = 0; i < n; i++) {
    // Deleting i, or deleting i and a later j.
    const left = prefix[i]!;
    visit(fmix((Math.imul(left, pow[n - i - 1]!) + sub(i + 1, n)) | 0));
    if (k < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const mid = (Math.imul(left, pow[j - i - 1]!) + sub(i + 1, j)) | 0;
      visit(fmix((Math.imul(mid, pow[n - j - 1]!) + sub(j + 1, n)) | 0));
    }
  }
}

/** The same hashes collected in `out` (the index build sorts them once per vocabulary word). */
export function deletionHashes(token: string, out: Set<number>): Set<number> {
  forEachDeletionHash(token, (h) => out.add(h));
  return out;
}
