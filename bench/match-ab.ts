/**
 * Paired latency of bench:match's searches, this tree against a base tree, in one process over one index:
 *   git archive <base> | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/
 *   npm run bench:match-ab -- --base /tmp/base [--runs 3] [--set match|worst]
 * Each query runs on both sides back to back, the order flipping every query, so both see the same load on a
 * shared host. Reports wall-clock and CPU-time p50/p99 per side (the same 300-query warm-up as bench:match).
 * `--set worst` runs bench:worst's pathological parties instead, without a budget (the engine alone).
 * The index is built by this tree and searched by both: for changes to search, not to the index's layout.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCases } from '../eval/generate.ts';
import { buildIndexData } from '../src/parties/build-index.ts';
import type { IndexData } from '../src/parties/index-data.ts';
import { searchIndex } from '../src/parties/search.ts';
import type { Hit, PartyQuery } from '../src/parties/types.ts';
import { loadRealLists } from './support/load-real-lists.ts';
import { PATHOLOGICAL_CLASSES, pathologicalNames } from './support/pathological-names.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    runs: { type: 'string', default: '3' },
    set: { type: 'string', default: 'match' },
  },
});
if (!values.base) {
  console.error('--base DIR (a checkout of the base revision) is required');
  process.exit(2);
}
type Search = (d: IndexData, q: PartyQuery) => Hit[];
const baseSearch: Search = (await import(pathToFileURL(resolve(values.base, 'src/parties/search.ts')).href))
  .searchIndex;
const lists = await loadRealLists();
const d = buildIndexData(lists.entities);
// `--set worst`: bench:worst's pathological parties (a name and 20 aliases), searched without a budget.
const worst = () =>
  Object.keys(PATHOLOGICAL_CLASSES).flatMap((cls, c) => {
    const names = pathologicalNames(cls, 10 * 21, 1000 + c);
    return Array.from({ length: 10 }, (_, p): PartyQuery => {
      const [name, ...aliases] = names.slice(p * 21, (p + 1) * 21);
      return { name: name!, aliases };
    });
  });
const queries = values.set === 'worst' ? worst() : generateCases(lists.entities, 7, 250).map((c) => c.query);
const sides: [string, Search][] = [
  ['base', baseSearch],
  ['this', searchIndex],
];
for (const [, s] of sides) for (const q of queries.slice(0, 300)) s(d, q);
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);

const wall = sides.map(() => [] as number[]);
const cpu = sides.map(() => [] as number[]);
let k = 0;
for (let r = 0; r < Number(values.runs); r++) {
  for (const q of queries) {
    const order = k++ % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      sides[i]![1](d, q);
      wall[i]!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[i]!.push((c.user + c.system) / 1000);
    }
  }
}
const pctl = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
sides.forEach(([name], i) => {
  const w = wall[i]!;
  const c = cpu[i]!;
  console.log(
    `${name}: wall p50 ${pctl(w, 50).toFixed(3)} p99 ${pctl(w, 99).toFixed(3)} total ${total(w).toFixed(0)} ms; CPU p50 ${pctl(c, 50).toFixed(3)} p99 ${pctl(c, 99).toFixed(3)} max ${max(c).toFixed(2)} total ${total(c).toFixed(0)} ms`,
  );
});
