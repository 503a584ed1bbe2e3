/**
 * Labelled evaluation of the matching engine on the real lists: npm run eval:match
 * (node --import tsx scripts/eval-match.ts [--seed N] [--per N] [--show N]).
 * Positives are generated at run time from listed names (transliteration, legal form, token order, typo,
 * truncation, glued/split); negatives are invented names on no list, some sharing common words with
 * listed ones. Deterministic for a given seed; nothing from the lists is written to disk.
 */
import { parseArgs } from 'node:util';
import { loadRealLists } from '../bench/support/load-real-lists.ts';
import { generateCases } from '../eval/generate.ts';
import { report, runCases } from '../eval/metrics.ts';
import { buildIndex } from '../src/parties/index.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    per: { type: 'string', default: '250' },
    show: { type: 'string', default: '0' },
  },
});
const lists = await loadRealLists();
if (lists.entities.length === 0) {
  console.error('no lists loaded; set LISTS_DIR');
  process.exit(1);
}
const index = buildIndex(lists.entities);
const cases = generateCases(lists.entities, Number(values.seed), Number(values.per));
const t0 = performance.now();
const results = runCases(index, cases);
const ms = performance.now() - t0;
console.log(
  `lists: ${JSON.stringify(lists.perSource)}; ${cases.length} labelled queries, seed ${values.seed}`,
);
for (const line of report(results)) console.log(line);
console.log(`scored in ${ms.toFixed(0)} ms (${((ms * 1000) / cases.length).toFixed(0)} µs/query)`);
const show = Number(values.show);
if (show > 0) {
  for (const r of results.values()) {
    for (const m of r.misses.slice(0, show))
      console.log(
        `MISS ${r.category}: ${m.case.query.name} → ${m.case.target?.entryId} ${m.top ? `${m.top.matchedName} ${m.top.score} ${m.top.evidence.name.detail}` : '(not retrieved)'}`,
      );
    for (const f of r.falses.slice(0, show))
      console.log(
        `FALSE ${r.category}: ${f.case.query.name} → ${f.top.source}/${f.top.entryId} ${f.top.matchedName} ${f.top.score}`,
      );
  }
}
