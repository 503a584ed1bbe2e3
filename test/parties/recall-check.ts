import assert from 'node:assert/strict';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import type { MatchIndex, PartyQuery } from '../../src/parties/index.ts';

/** Small seeded RNG (mulberry32) so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Perturbed names: typos, dropped/swapped/glued tokens; the kinds of query retrieval must not lose. */
export function variantQueries(entities: readonly ListEntity[], count: number, seed: number): PartyQuery[] {
  const r = rng(seed);
  const out: PartyQuery[] = [];
  for (let i = 0; i < count; i++) {
    const e = entities[Math.floor(r() * entities.length)]!;
    const names = [e.name, ...e.aliases.map((a) => a.value)];
    let toks = names[Math.floor(r() * names.length)]!.split(/\s+/).filter(Boolean);
    const op = Math.floor(r() * 5);
    if (op === 0 && toks.length > 0) {
      const j = Math.floor(r() * toks.length);
      const t = toks[j]!;
      const p = Math.floor(r() * t.length);
      toks[j] = t.slice(0, p) + t.slice(p + 1, p + 2) + t.slice(p, p + 1) + t.slice(p + 2);
    } else if (op === 1 && toks.length > 1) toks.splice(Math.floor(r() * toks.length), 1);
    else if (op === 2) toks = toks.reverse();
    else if (op === 3 && toks.length > 1) toks = [toks[0]! + toks[1]!, ...toks.slice(2)];
    const q: PartyQuery = { name: toks.join(' ') };
    if (r() < 0.3 && e.countries[0]) q.country = e.countries[0];
    out.push(q);
  }
  return out;
}

export function assertSameReviewHits(index: MatchIndex, queries: PartyQuery[]): void {
  const missed: string[] = [];
  for (const q of queries) {
    const full = index.fullScan(q, { limit: 10_000 });
    const got = new Set(index.search(q, { limit: 10_000 }).map((h) => `${h.source}/${h.entryId}`));
    for (const h of full)
      if (!got.has(`${h.source}/${h.entryId}`))
        missed.push(`${q.name} → ${h.source}/${h.entryId} ${h.score}`);
  }
  assert.deepEqual(missed, [], 'index lost full-scan hits');
}
