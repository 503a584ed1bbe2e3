/**
 * One measurement in its own process, so that peaks do not mix: `parse <sourceId>` reads one real file, `all`
 * reads every file and builds the match index. Prints one JSON line; the peak is the kernel's maxRSS for this
 * process (exact, not sampled), the baseline the RSS before any list was read (Node + tsx + modules).
 */
import { resolve } from 'node:path';
import { newParseReport } from '../../src/entity/list-entity.ts';
import { BUILT_IN_SOURCES } from '../../src/lists/source-registry.ts';
import { buildIndex } from '../../src/parties/index.ts';
import { listsDir, loadRealLists, SOURCE_PATHS } from './load-real-lists.ts';

const [mode, id] = process.argv.slice(2);

global.gc?.();
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
let result: Record<string, unknown>;
if (mode === 'parse') {
  const source = BUILT_IN_SOURCES.find((s) => s.id === id);
  if (!source || !SOURCE_PATHS[id!]) throw new Error(`unknown source ${id}`);
  const report = newParseReport();
  // Every item is kept, as the in-memory snapshot keeps them: a streaming count alone would flatter the peak.
  const items: unknown[] = [];
  for await (const item of source.readItems(resolve(listsDir(), SOURCE_PATHS[id!]!), report))
    items.push(item);
  result = { entities: items.length, records: report.recordsSeen };
} else {
  const lists = await loadRealLists(undefined, () => {});
  const parsedMs = performance.now() - started;
  const index = buildIndex(lists.entities);
  result = {
    entities: lists.entities.length,
    parseMs: Math.round(parsedMs),
    indexMs: Math.round(performance.now() - started - parsedMs),
    names: index.stats().names,
    skipped: lists.skipped,
  };
}
const ms = Math.round(performance.now() - started);
console.log(JSON.stringify({ ...result, ms, baselineRss, peakRss: process.resourceUsage().maxRSS * 1024 }));
