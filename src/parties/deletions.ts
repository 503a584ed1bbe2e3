import { maxEdits } from './edit-distance.ts';

/**
 * Deletion neighbourhood (SymSpell): two strings within k edits (OSA) share a string obtained by deleting
 * at most k characters from each. We hash those strings to 32 bits; a collision only adds a candidate that
 * the exact distance check then rejects, so lookups never miss a link.
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function deletionHashes(token: string, out: Set<number>): Set<number> {
  const k = maxEdits(token.length);
  out.add(fnv1a(token));
  if (k === 0) return out;
  const level1 = new Set<string>();
  for (let i = 0; i < token.length; i++) level1.add(token.slice(0, i) + token.slice(i + 1));
  for (const d1 of level1) {
    out.add(fnv1a(d1));
    if (k < 2) continue;
    for (let i = 0; i < d1.length; i++) out.add(fnv1a(d1.slice(0, i) + d1.slice(i + 1)));
  }
  return out;
}
