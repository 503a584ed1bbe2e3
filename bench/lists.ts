/**
 * List benchmark on the real files: npm run bench:lists (node --import tsx --expose-gc bench/lists.ts).
 * For each source, parse time and peak RSS in a child process of its own; then all sources loaded together
 * plus the match index, against the targets (≤ 10 s, ≤ 500 MB). Prints a Markdown table and writes it to
 * bench/results/lists.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listsDir, SOURCE_PATHS } from './support/load-real-lists.ts';

const TARGET_MS = 10_000;
const TARGET_BYTES = 500 * 1024 * 1024;
const CHILD = resolve(import.meta.dirname, 'support/lists-child.ts');
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

interface Measured {
  entities: number;
  records?: number;
  ms: number;
  baselineRss: number;
  peakRss: number;
  parseMs?: number;
  indexMs?: number;
  names?: number;
  skipped?: string[];
}

function measure(...args: string[]): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', CHILD, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LISTS_DIR: listsDir() },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

if (!existsSync(listsDir())) {
  console.error(`real list files not found in ${listsDir()} (set LISTS_DIR)`);
  process.exit(1);
}

const rows: string[] = [
  '| source | file | entities | records | parse time | peak RSS | RSS before parse |',
  '|---|---|--:|--:|--:|--:|--:|',
];
for (const [id, path] of Object.entries(SOURCE_PATHS)) {
  const m = measure('parse', id);
  rows.push(
    `| ${id} | \`${path}\` | ${m.entities} | ${m.records} | ${m.ms} ms | ${mb(m.peakRss)} | ${mb(m.baselineRss)} |`,
  );
  console.error(`[bench:lists] ${id}: ${m.entities} entities in ${m.ms} ms, peak ${mb(m.peakRss)}`);
}

const all = measure('all');
const verdict = (ok: boolean) => (ok ? 'within target' : '**over target**');
const table = [
  `# bench:lists — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`,
  '',
  'Each row is a separate process; peak RSS is the kernel maxRSS of that process (it includes Node + tsx).',
  '',
  ...rows,
  '',
  '| all sources + match index | entities | names indexed | parse | index build | total | peak RSS |',
  '|---|--:|--:|--:|--:|--:|--:|',
  `| ${Object.keys(SOURCE_PATHS).length} sources | ${all.entities} | ${all.names} | ${all.parseMs} ms | ${all.indexMs} ms | ${all.ms} ms | ${mb(all.peakRss)} |`,
  '',
  `Target ≤ ${TARGET_MS / 1000} s: ${verdict(all.ms <= TARGET_MS)}; target ≤ ${mb(TARGET_BYTES)}: ${verdict(all.peakRss <= TARGET_BYTES)}.`,
  ...(all.skipped?.length ? ['', `Skipped: ${all.skipped.join('; ')}`] : []),
  '',
].join('\n');

console.log(table);
await mkdir(resolve(import.meta.dirname, 'results'), { recursive: true });
await writeFile(resolve(import.meta.dirname, 'results/lists.md'), table);
