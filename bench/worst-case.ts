/**
 * Worst-case inputs: npm run bench:worst [-- --parties N] [-- --engine-alone]
 * The CPU time of the slowest single party over a corpus of pathological names (bench/support/pathological-names.ts:
 * unspaced scripts, one endless word, repeated common words, single letters, digits), each party a name and 20
 * aliases at the contract's limits, against one index of every real list in LISTS_DIR.
 * By default each party is searched as the service searches it (src/screening/party-findings.ts): with its share
 * of a screening's time budget (src/parties/cpu-budget.ts), and a party cut short is counted (the service reports
 * it as `screening_incomplete`, at least review). `--engine-alone` leaves the budgets out: what the caps on keys
 * bound by themselves. Target: no party over 50 ms of CPU. Writes bench/results/worst-case[-engine-alone].md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateCases } from '../eval/generate.ts';
import {
  buildIndex,
  CpuBudget,
  DEFAULT_EVALUATION_BUDGET_MS,
  DEFAULT_PARTY_BUDGET_MS,
  PARTY_ALIAS_FLOOR_MS,
  type PartyQuery,
  warmUpNameTables,
} from '../src/parties/index.ts';
import { loadRealLists } from './support/load-real-lists.ts';
import { PATHOLOGICAL_CLASSES, pathologicalNames } from './support/pathological-names.ts';

const { values } = parseArgs({
  options: {
    parties: { type: 'string', default: '50' },
    'engine-alone': { type: 'boolean', default: false },
  },
});
const PARTIES = Number(values.parties);
const SERVED = !values['engine-alone'];
const ALIASES = 20; // openapi.yaml Party.aliases maxItems
const TARGET_MS = 50;

const loadBefore = loadavg()[0]!;
const lists = await loadRealLists();
const index = buildIndex(lists.entities);
// As the service does at start (src/container.ts): transliteration and segmentation tables, then the JIT on
// ordinary names, so the first pathological party is charged for neither.
warmUpNameTables();
for (const c of generateCases(lists.entities, 3, 40)) index.search(c.query);
// The service builds its index in a child process, so its main heap never holds the build's garbage; here the
// build ran on this thread, and V8's background sweeping of it counted (process.cpuUsage counts every thread)
// against the first class measured: 196 ms for a Hangul party whose like took 20-70 ms in other runs.
(globalThis as { gc?: () => void }).gc?.();

/**
 * CPU time of this (the main) thread alone, in ms: Linux's /proc/thread-self/schedstat counts the nanoseconds the
 * thread ran. process.cpuUsage counts every thread of the process, and on this 2-core host V8's concurrent
 * marking and its optimising compiler ran beside a pathological party on the other core: "CPU" came out twice
 * the wall time (33.8 ms against 17.9 ms). What holds the event loop is the main thread's time, so that is what
 * the target judges; the process's figure is shown beside it. Elsewhere (no /proc) both columns are the process's.
 */
const THREAD_STAT = '/proc/thread-self/schedstat';
const threadMs = existsSync(THREAD_STAT)
  ? () => Number(readFileSync(THREAD_STAT, 'utf8').split(' ')[0]) / 1e6
  : () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };

/**
 * CPU ms of one search. The event loop turns after each, as it does between evaluations in the service, so
 * background GC work left by one party runs there rather than inside the next party's window.
 */
const cpuMs = async (q: PartyQuery): Promise<Timed> => {
  const from = performance.now();
  const before = process.cpuUsage();
  const thread = threadMs();
  // As party-findings.ts does for a screening's first party: its share of a fresh evaluation budget.
  const budget = SERVED
    ? new CpuBudget(DEFAULT_EVALUATION_BUDGET_MS).share(DEFAULT_PARTY_BUDGET_MS, PARTY_ALIAS_FLOOR_MS)
    : undefined;
  index.search(q, budget ? { budget } : undefined);
  const ms = threadMs() - thread;
  const used = process.cpuUsage(before);
  const to = performance.now();
  await new Promise((r) => setImmediate(r));
  return { q, ms, processMs: (used.user + used.system) / 1000, from, to, cut: budget?.cutShort ?? false };
};

/**
 * GC pauses, to say how much of a slow party was a collection that fell in its window: a pause is owed to
 * the heap as a whole (the index, earlier parties' garbage), not to the name that happened to be running.
 */
const gcs: { start: number; end: number }[] = [];
new PerformanceObserver((l) => {
  for (const e of l.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ['gc'] });
const gcMsIn = (t: Timed) =>
  gcs.reduce((sum, g) => sum + Math.max(0, Math.min(g.end, t.to) - Math.max(g.start, t.from)), 0);
interface Timed {
  q: PartyQuery;
  /** This thread's CPU ms (what held the event loop). */
  ms: number;
  /** The whole process's CPU ms meanwhile (GC and compiler threads included). */
  processMs: number;
  from: number;
  to: number;
  /** The party's share of the budget ran out: the service answers it `screening_incomplete` (review). */
  cut: boolean;
}
const pctl = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

interface Row {
  cls: string;
  /** The class's first party: it pays one-off costs (any-ascii decodes a Unicode block's table on first use). */
  first: number;
  parties: number;
  p50: number;
  p99: number;
  max: number;
  /** GC pause time inside the slowest party's window. */
  maxGc: number;
  /** The most process CPU any party of the class took meanwhile. */
  maxProcess: number;
  /** Parties (first included) cut short by their share of the budget. */
  cut: number;
  slowest: string;
}
const rows: Row[] = [];
const classes = Object.keys(PATHOLOGICAL_CLASSES);
const measure = async (cls: string, all: PartyQuery[]) => {
  const [firstParty, ...parties] = all;
  const first = await cpuMs(firstParty!);
  const times: Timed[] = [];
  for (const q of parties) times.push(await cpuMs(q));
  await new Promise((r) => setTimeout(r, 10)); // GC entries are delivered asynchronously
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const worst = [first, ...times].reduce((a, b) => (b.ms > a.ms ? b : a));
  rows.push({
    cls,
    first: first.ms,
    parties: parties.length,
    p50: pctl(sorted, 50),
    p99: pctl(sorted, 99),
    max: worst.ms,
    maxGc: gcMsIn(worst),
    maxProcess: Math.max(...[first, ...times].map((t) => t.processMs)),
    cut: [first, ...times].filter((t) => t.cut).length,
    slowest: worst.q.name,
  });
};
for (const [c, cls] of classes.entries()) {
  const names = pathologicalNames(cls, (PARTIES + 1) * (1 + ALIASES), 1000 + c);
  const parties = Array.from({ length: PARTIES + 1 }, (_, p) => {
    const [name, ...aliases] = names.slice(p * (1 + ALIASES), (p + 1) * (1 + ALIASES));
    return { name: name!, aliases };
  });
  await measure(cls, parties);
}
// 100 parties of one screening, each with 20 aliases drawn from every class.
const mixedNames = classes.map((cls, c) => pathologicalNames(cls, 101 * (1 + ALIASES), 5000 + c));
await measure(
  'mixed: 100 parties × 20 aliases',
  Array.from({ length: 101 }, (_, p) => {
    const pick = (k: number) => mixedNames[(p + k) % classes.length]![p * (1 + ALIASES) + k]!;
    return { name: pick(0), aliases: Array.from({ length: ALIASES }, (_, k) => pick(k + 1)) };
  }),
);

const worst = rows.reduce((a, b) => (b.max > a.max ? b : a));
const f = (ms: number) => ms.toFixed(2);
const table = [
  `Index: ${index.stats().entities} entities, ${index.stats().names} names from ${Object.keys(lists.perSource).length} lists. Each party: a name and ${ALIASES} aliases of ${300} characters; CPU time of the main thread (\`/proc/thread-self/schedstat\`: what holds the event loop) during one \`index.search\`, with the whole process's (\`process.cpuUsage\`: V8's GC and compiler threads included) in the second-last column, ${SERVED ? `as the service runs it: its first name on a screening's budget (${DEFAULT_EVALUATION_BUDGET_MS} ms), its aliases on the party's share of it (${DEFAULT_PARTY_BUDGET_MS} ms counted from the party's start, at least ${PARTY_ALIAS_FLOOR_MS} ms after its first name); the "cut short" column counts the parties whose share ran out, which the service answers \`screening_incomplete\` (review)` : 'the engine alone, with no time budget: what the caps on keys bound by themselves'}, the event loop turned between parties (as between evaluations in the service). The tables of the segmented scripts are loaded first, as the service does at start (\`warmUpNameTables\`); the first party of each class is shown apart and counts towards the target. The last column is the GC pause time that fell inside the slowest party's window (PerformanceObserver \`gc\` entries).`,
  '',
  '| class | first party ms | parties after it | p50 ms | p99 ms | max ms (first included) | GC pause in the max | max process CPU ms | cut short |',
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...rows.map(
    (r) =>
      `| ${r.cls} | ${f(r.first)} | ${r.parties} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} | ${f(r.maxGc)} | ${f(r.maxProcess)} | ${SERVED ? r.cut : '—'} |`,
  ),
  '',
  `Load average (1 min) ${loadBefore.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores${Math.max(loadBefore, loadavg()[0]!) > cpus().length ? ': above the core count, the figures were taken under contention (CPU time still counts only this process, but shared caches and cores slow it)' : ''}.`,
  '',
  `Slowest party: ${f(worst.max)} ms of main-thread CPU, ${f(worst.maxGc)} ms of it GC pauses (${worst.cls}; name starts “${[...worst.slowest].slice(0, 24).join('')}…”). Target: none over ${TARGET_MS} ms — ${worst.max <= TARGET_MS ? 'met' : '**not met**'}.`,
].join('\n');
console.log(table);
await writeFile(
  resolve(import.meta.dirname, `results/worst-case${SERVED ? '' : '-engine-alone'}.md`),
  `# bench:worst${SERVED ? '' : ' --engine-alone'} — ${new Date().toISOString().slice(0, 10)}\n\n${table}\n`,
);
