import { maxEdits } from './edit-distance.ts';

/**
 * Deletion neighbourhood (SymSpell): two strings within k edits (OSA) share a string obtained by deleting
 * at most k characters from each. We hash those strings to 32 bits; a collision only adds a candidate that
 * the exact distance check then rejects, so lookups never miss a link.
 */
export function fnv1a(s: string): number {
  return fnvRange(s, 0x811c9dc5, 0, s.length) >>> 0;
}

const FNV_PRIME = 0x01000193;

/** Longest token that gets a deletion neighbourhood (64: ~2,000 hashes, ~130,000 FNV steps). */
export const MAX_NEIGHBOURHOOD_CHARS = 64;

function fnvRange(s: string, h: number, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

// Prefix states: prefix[i] is the FNV state after the first i characters.
const prefix = new Int32Array(MAX_NEIGHBOURHOOD_CHARS + 1);

/**
 * The hashes of the token and of every string made by deleting up to k characters, k = maxEdits. Computed by
 * resuming FNV from the prefix before each deleted position, so no deletion string is ever built: this runs
 * for every token of every screened name. The work grows with the cube of the length, so a token longer than
 * MAX_NEIGHBOURHOOD_CHARS gets only its own hash (tokenize.ts already cuts keys to 40; this is the backstop).
 */
export function deletionHashes(token: string, out: Set<number>): Set<number> {
  const n = token.length;
  const k = maxEdits(n);
  out.add(fnv1a(token));
  if (k === 0 || n > MAX_NEIGHBOURHOOD_CHARS) return out;
  let h = 0x811c9dc5 | 0;
  prefix[0] = h;
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
    prefix[i + 1] = h;
  }
  for (let i = 0; i < n; i++) {
    // Deleting i, or deleting i and a later j; deleting the same letter of a double letter gives the same
    // string, which the Set absorbs.
    out.add(fnvRange(token, prefix[i]!, i + 1, n) >>> 0);
    if (k < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const mid = fnvRange(token, prefix[i]!, i + 1, j);
      out.add(fnvRange(token, mid, j + 1, n) >>> 0);
    }
  }
  return out;
}
