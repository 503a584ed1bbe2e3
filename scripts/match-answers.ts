/**
 * Every answer of the matching engine on the eval and bench query sets, one line per query, for diffing before
 * and after a change that must not change any answer (a faster retrieval, a tighter bound):
 *   npm run eval:answers -- --out /tmp/before.txt   (then on the change: --out /tmp/after.txt; cmp the two)
 * Sets: eval:match's independent set (seeds 1 and 2), generated set (seed 1) and variants set (seed 1), and
 * bench:match's queries (generated, seed 7). Each line is the set, the query's number and its hits (as JSON) at the review floor,
 * limit 50 as eval:match asks; `--near` adds the hits from score 0 (eval:match's "nearest" for misses).
 * Written outside the repository: the lines carry listed entries' ids.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadRealLists } from '../bench/support/load-real-lists.ts';
import { FIELD_VARIANTS } from '../eval/field-variants.ts';
import { generateCases } from '../eval/generate.ts';
import { buildIndependentSet } from '../eval/independent/build.ts';
import { loadBenchData } from '../eval/independent/data-files.ts';
import { buildIndex, type PartyQuery } from '../src/parties/index.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, near: { type: 'boolean', default: false } },
});
if (!values.out) {
  console.error('--out FILE is required');
  process.exit(2);
}
const lists = await loadRealLists();
const index = buildIndex(lists.entities);
const data = loadBenchData();
const sets: [string, PartyQuery[]][] = [
  ['independent-1', buildIndependentSet(lists.entities, data, 1).cases.map((c) => c.query)],
  ['independent-2', buildIndependentSet(lists.entities, data, 2).cases.map((c) => c.query)],
  ['generated-1', generateCases(lists.entities, 1).map((c) => c.query)],
  ['bench-7', generateCases(lists.entities, 7, 250).map((c) => c.query)],
  ['variants-1', generateCases(lists.entities, 1, 250, FIELD_VARIANTS).map((c) => c.query)],
];
const lines: string[] = [];
// The whole hit, its evidence and explanation too: the same entry with another matched name is another answer.
const hitsOf = (q: PartyQuery, minScore?: number) => JSON.stringify(index.search(q, { limit: 50, minScore }));
for (const [name, queries] of sets) {
  queries.forEach((q, i) => {
    lines.push(`${name} ${i}: ${hitsOf(q)}`);
    if (values.near) lines.push(`${name} ${i} near: ${hitsOf(q, 0)}`);
  });
  console.log(`${name}: ${queries.length} queries`);
}
writeFileSync(values.out, `${lines.join('\n')}\n`);
console.log(`${lines.length} lines written to ${values.out}`);
