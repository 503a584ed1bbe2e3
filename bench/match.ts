/**
 * Matching benchmark on the real lists: node --import tsx bench/match.ts [--runs N] [--pg-queries N]
 * Reports index build time, memory, per-party latency (p50/p99) and parties/s on one core, then runs the same
 * labelled queries against PostgreSQL pg_trgm (DATABASE_URL) and prints latency and recall side by side.
 */
import { parseArgs } from 'node:util';
import { generateCases } from '../eval/generate.ts';
import { buildIndex } from '../src/parties/index.ts';
import { loadRealLists } from './support/load-real-lists.ts';
import { openTrgm } from './support/pg-trgm.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'pg-queries': { type: 'string', default: '1000' } },
});
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const pctl = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const lists = await loadRealLists();
const rssBefore = process.memoryUsage().rss;
global.gc?.();
const tb = performance.now();
const index = buildIndex(lists.entities);
const buildMs = performance.now() - tb;
global.gc?.();
const mem = process.memoryUsage();
const stats = index.stats();
console.log(
  `lists: ${JSON.stringify(lists.perSource)}${lists.skipped.length ? `; skipped: ${lists.skipped.join('; ')}` : ''}`,
);
console.log(
  `index: ${stats.entities} entities, ${stats.names} names, ${stats.vocabulary} words, ${stats.glueKeys} glue keys, ${stats.deletionKeys} deletion keys`,
);
console.log(
  `build: ${buildMs.toFixed(0)} ms; index ≈ ${mb(stats.approxBytes)}; RSS ${mb(mem.rss)} (lists alone ${mb(rssBefore)}), heap used ${mb(mem.heapUsed)}`,
);

const cases = generateCases(lists.entities, 7, 250);
const queries = cases.map((c) => c.query);
for (const q of queries.slice(0, 300)) index.search(q); // warm-up (JIT)
const lat: number[] = [];
const t0 = performance.now();
for (let r = 0; r < Number(values.runs); r++) {
  for (const q of queries) {
    const s = performance.now();
    index.search(q);
    lat.push(performance.now() - s);
  }
}
const wall = performance.now() - t0;
lat.sort((a, b) => a - b);
console.log(
  `engine: ${lat.length} searches, p50 ${pctl(lat, 50).toFixed(3)} ms, p99 ${pctl(lat, 99).toFixed(3)} ms, max ${lat[lat.length - 1]!.toFixed(2)} ms, ${((lat.length * 1000) / wall).toFixed(0)} parties/s on one core`,
);

// Recall / false alerts on the same labelled queries, engine vs pg_trgm.
const n = Math.min(Number(values['pg-queries']), cases.length);
const sample = Array.from({ length: n }, (_, i) => cases[Math.floor((i * cases.length) / n)]!);
const key = (e: { source: string; entryId: string }) => `${e.source}/${e.entryId}`;
const score = (found: (c: (typeof cases)[number]) => string[]) => {
  let pos = 0;
  let tp = 0;
  let neg = 0;
  let fp = 0;
  for (const c of sample) {
    const hits = found(c);
    if (c.target) {
      pos++;
      if (hits.includes(key(c.target))) tp++;
    } else {
      neg++;
      if (hits.length > 0) fp++;
    }
  }
  return `recall ${((100 * tp) / pos).toFixed(1)}% (${tp}/${pos}), negatives alerting ${((100 * fp) / neg).toFixed(1)}% (${fp}/${neg})`;
};
console.log(`engine @review: ${score((c) => index.search(c.query, { limit: 50 }).map(key))}`);

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
try {
  const pg = await openTrgm(url, lists.entities, 0.3);
  console.log(`pg_trgm: table + GIN index built in ${pg.loadMs.toFixed(0)} ms`);
  const results = new Map<(typeof cases)[number], { entity: number; sim: number }[]>();
  const plat: number[] = [];
  for (const c of sample) {
    const s = performance.now();
    results.set(c, await pg.query(c.query.name));
    plat.push(performance.now() - s);
  }
  await pg.close();
  plat.sort((a, b) => a - b);
  const total = plat.reduce((a, b) => a + b, 0);
  console.log(
    `pg_trgm: ${n} queries, p50 ${pctl(plat, 50).toFixed(2)} ms, p99 ${pctl(plat, 99).toFixed(2)} ms, ${((n * 1000) / total).toFixed(0)} parties/s (one connection)`,
  );
  for (const th of [0.3, 0.5, 0.7]) {
    console.log(
      `pg_trgm @sim≥${th}: ${score((c) =>
        results
          .get(c)!
          .filter((r) => r.sim >= th)
          .map((r) => key(lists.entities[r.entity]!)),
      )}`,
    );
  }
} catch (err) {
  console.log(`pg_trgm: skipped (${(err as Error).message})`);
}
