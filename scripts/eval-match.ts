/**
 * Labelled evaluation of the matching engine on the real lists: npm run eval:match
 * (node --import tsx scripts/eval-match.ts [--set independent|pairs|peer|generated|variants|all] [--seed N] [--per N] [--show N]
 * [--labels audited|as-built]).
 * - generated: positives generated at run time from listed names (transliteration, legal form, token order,
 *   typo, truncation, glued/split); negatives are invented names on no list (eval/generate.ts).
 * - variants: the same, with the variant kinds a peer project lists for its name benchmark (eval/field-variants.ts:
 *   punctuation for spaces, doubled or dropped letters, initials, titles, reference codes…). Not part of `all`.
 * - independent: built from real material (the same entity across lists, lists' own aliases, confusable
 *   entries, real companies and common person names); see eval/independent/build.ts for each class's source.
 * - pairs: the independent set as labelled name pairs, each candidate alone in its own index, as a one-entry
 *   tenant watchlist screens it (eval/independent/pairwise.ts). Not part of `all`.
 * - peer: graded cases from open-source screening engines' own test suites (eval/data/peer-cases.csv), each
 *   candidate alone in its own index like the pairs set (eval/independent/peer-cases.ts). Not part of `all`.
 * Deterministic for a given seed; nothing from the lists is written to disk.
 */
import { parseArgs } from 'node:util';
import { loadRealLists } from '../bench/support/load-real-lists.ts';
import { FIELD_VARIANTS } from '../eval/field-variants.ts';
import { generateCases } from '../eval/generate.ts';
import { buildIndependentSet } from '../eval/independent/build.ts';
import { loadBenchData } from '../eval/independent/data-files.ts';
import { pairMisses, pairTable, runPairs } from '../eval/independent/pairwise.ts';
import { loadPeerCases, peerFailures, peerTable, runPeerCases } from '../eval/independent/peer-cases.ts';
import { benchMisses, benchTable, runBench } from '../eval/independent/score.ts';
import { report, runCases } from '../eval/metrics.ts';
import { POSITIVE_VARIANTS } from '../eval/variants.ts';
import { buildIndex } from '../src/parties/index.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'all' },
    seed: { type: 'string', default: '1' },
    per: { type: 'string', default: '250' },
    show: { type: 'string', default: '0' },
    labels: { type: 'string', default: 'audited' },
    'no-background': { type: 'boolean', default: false },
  },
});
const set = values.set;
if (!['all', 'independent', 'pairs', 'peer', 'generated', 'variants'].includes(set)) {
  console.error(`--set must be independent, pairs, peer, generated, variants or all (got ${set})`);
  process.exit(2);
}
const labels = values.labels;
if (labels !== 'audited' && labels !== 'as-built') {
  console.error(`--labels must be audited or as-built (got ${labels})`);
  process.exit(2);
}
const seed = Number(values.seed);
const show = Number(values.show);
const lists = await loadRealLists();
if (lists.entities.length === 0) {
  console.error('no lists loaded; set LISTS_DIR');
  process.exit(1);
}
const index = buildIndex(lists.entities);
console.log(`lists: ${JSON.stringify(lists.perSource)}; seed ${seed}`);

if (set === 'all' || set === 'independent') {
  const bench = buildIndependentSet(lists.entities, loadBenchData(), seed, undefined, labels);
  const t0 = performance.now();
  const rows = runBench(index, bench.cases);
  const ms = performance.now() - t0;
  console.log(
    `\n== independent set: ${bench.cases.length} cases (${bench.trivialCrossList} trivial cross-list pairs left out); labels ${labels}`,
  );
  if (bench.audit)
    console.log(
      `label audit: ${bench.audit.widened} cross-list targets widened to their entity, ${bench.audit.confusableSame} confusable pairs dropped (one entity), ${bench.audit.identifierOnly} cross-list and ${bench.audit.confusableIdentifierOnly} confusable (other list's name) cases moved to "reachable only by identifier"`,
    );
  for (const line of benchTable(rows)) console.log(line);
  console.log(`scored in ${ms.toFixed(0)} ms`);
  if (show > 0) for (const line of benchMisses(rows, show)) console.log(line);
}

if (set === 'pairs') {
  const bench = buildIndependentSet(lists.entities, loadBenchData(), seed, undefined, labels);
  const t0 = performance.now();
  const rows = runPairs(index, lists.entities, bench.cases, !values['no-background']);
  console.log(`\n== independent set as pairs, each candidate alone in its own index (seed ${seed})`);
  for (const line of pairTable(rows)) console.log(line);
  console.log(`scored in ${(performance.now() - t0).toFixed(0)} ms`);
  if (show > 0) for (const line of pairMisses(rows, show)) console.log(line);
}

if (set === 'peer') {
  const cases = loadPeerCases();
  const t0 = performance.now();
  const outcomes = runPeerCases(cases, values['no-background'] ? undefined : index.rarity());
  console.log(`\n== peer-suite cases, each candidate alone in its own index (eval/data/peer-cases.csv)`);
  for (const line of peerTable(outcomes)) console.log(line);
  console.log(`scored in ${(performance.now() - t0).toFixed(0)} ms`);
  // The failing cases are the point of this set: always listed (--show caps them).
  for (const line of peerFailures(outcomes).slice(0, show > 0 ? show : undefined)) console.log(line);
}

if (set !== 'independent' && set !== 'pairs' && set !== 'peer') {
  const kinds = set === 'variants' ? FIELD_VARIANTS : POSITIVE_VARIANTS;
  const cases = generateCases(lists.entities, seed, Number(values.per), kinds);
  const t0 = performance.now();
  const results = runCases(index, cases);
  const ms = performance.now() - t0;
  console.log(`\n== ${set === 'variants' ? 'variants' : 'generated'} set: ${cases.length} labelled queries`);
  for (const line of report(results)) console.log(line);
  console.log(`scored in ${ms.toFixed(0)} ms (${((ms * 1000) / cases.length).toFixed(0)} µs/query)`);
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
}
