/**
 * Where bench:match's p99 comes from: node --expose-gc --import tsx bench/match-tail.ts [--runs N] [--show N]
 * Times the same searches as bench/match.ts and, for each, counts its work (search.ts searchWork: names read,
 * candidates retrieved, candidates scored) and the garbage-collection pauses that fell inside it. Prints the
 * slowest 1% with their counts, and totals that do not depend on the host's load.
 */
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateCases } from '../eval/generate.ts';
import { buildIndex } from '../src/parties/index.ts';
import { searchWork } from '../src/parties/search.ts';
import { loadRealLists } from './support/load-real-lists.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, show: { type: 'string', default: '25' } },
});
const lists = await loadRealLists();
const index = buildIndex(lists.entities);
const cases = generateCases(lists.entities, 7, 250);
const queries = cases.map((c) => c.query);
for (const q of queries.slice(0, 300)) index.search(q); // warm-up (JIT), as bench/match.ts

const gcs: { start: number; end: number; kind: number }[] = [];
const obs = new PerformanceObserver((l) => {
  for (const e of l.getEntries())
    gcs.push({
      start: e.startTime,
      end: e.startTime + e.duration,
      kind: (e as unknown as { detail: { kind: number } }).detail.kind,
    });
});
obs.observe({ entryTypes: ['gc'] });

interface Row {
  q: number;
  run: number;
  start: number;
  ms: number;
  cpuUs: number;
  names: number;
  touched: number;
  scored: number;
  gcMs: number;
}
const rows: Row[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  for (let q = 0; q < queries.length; q++) {
    const w0 = { ...searchWork };
    const c0 = process.cpuUsage();
    const s = performance.now();
    index.search(queries[q]!);
    const ms = performance.now() - s;
    const c1 = process.cpuUsage(c0);
    rows.push({
      q,
      run,
      start: s,
      ms,
      cpuUs: c1.user + c1.system,
      names: searchWork.names - w0.names,
      touched: searchWork.retrieved - w0.retrieved,
      scored: searchWork.scored - w0.scored,
      gcMs: 0,
    });
  }
}
await new Promise((r) => setTimeout(r, 50));
obs.disconnect();
for (const g of gcs) {
  for (const r of rows) {
    const overlap = Math.min(g.end, r.start + r.ms) - Math.max(g.start, r.start);
    if (overlap > 0) r.gcMs += overlap;
  }
}

const pctl = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const sorted = (f: (r: Row) => number) => rows.map(f).sort((a, b) => a - b);
const sum = (f: (r: Row) => number, rs = rows) => rs.reduce((a, r) => a + f(r), 0);
const lat = sorted((r) => r.ms);
const cpu = sorted((r) => r.cpuUs);
console.log(
  `${rows.length} searches: p50 ${pctl(lat, 50).toFixed(3)} ms, p99 ${pctl(lat, 99).toFixed(3)} ms; CPU p99 ${(pctl(cpu, 99) / 1000).toFixed(3)} ms; load average ${loadavg()[0]!.toFixed(2)}`,
);
const scored = sorted((r) => r.scored);
console.log(
  `work (deterministic): scored ${sum((r) => r.scored)} (p50 ${pctl(scored, 50)}, p99 ${pctl(scored, 99)}, max ${scored.at(-1)}), retrieved ${sum((r) => r.touched)}, names read ${sum((r) => r.names)}`,
);
console.log(
  `time: ${sum((r) => r.ms).toFixed(0)} ms in searches, ${(sum((r) => r.cpuUs) / 1000).toFixed(0)} ms CPU; GC inside searches ${sum((r) => r.gcMs).toFixed(0)} ms (${gcs.length} pauses)`,
);
const tail = rows.filter((r) => r.ms >= pctl(lat, 98.5)).sort((a, b) => b.ms - a.ms);
console.log(
  `slowest 1.5% (${tail.length}): GC ${sum((r) => r.gcMs, tail).toFixed(1)} ms of ${sum((r) => r.ms, tail).toFixed(1)} ms; per run ${JSON.stringify(Array.from({ length: Number(values.runs) }, (_, k) => tail.filter((r) => r.run === k).length))}`,
);
for (const r of tail.slice(0, Number(values.show))) {
  const q = queries[r.q]!;
  const names = [q.name, ...(q.aliases ?? [])].length;
  console.log(
    `${r.ms.toFixed(2)} ms (cpu ${(r.cpuUs / 1000).toFixed(2)}) run ${r.run} q${r.q} [${cases[r.q]!.category}] ${q.kind ?? '-'} names ${names}/${r.names} retrieved ${r.touched} scored ${r.scored} gc ${r.gcMs.toFixed(2)}`,
  );
}
