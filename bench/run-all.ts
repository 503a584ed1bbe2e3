/**
 * Every benchmark, then BENCHMARKS.md: npm run bench [-- --skip lists,match --http-args "--duration 10"]
 * Each benchmark runs as its own npm script (its own processes, nothing shared); their reports land in
 * bench/results/ and are stitched together here with the machine they ran on.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    skip: { type: 'string', default: '' },
    'http-args': { type: 'string', default: '' },
  },
});
const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = resolve(ROOT, 'bench/results');
const skip = new Set(values.skip.split(',').filter(Boolean));
const scripts = (
  JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
await mkdir(RESULTS, { recursive: true });

function npmRun(script: string, args: string[] = [], env: Record<string, string> = {}) {
  console.error(`[bench] npm run ${script} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const minutes = ((Date.now() - t0) / 60000).toFixed(1);
  return { ok: r.status === 0, stdout: r.stdout ?? '', minutes };
}

const sections: string[] = [];
const section = (title: string, body: string) => sections.push(`## ${title}\n\n${body.trim()}\n`);
const fence = (s: string) => `\`\`\`\n${s.trim()}\n\`\`\``;

/**
 * Runs one benchmark unless skipped; either way its section comes from the report file it writes, so a
 * skipped benchmark shows its last stored figures (said so), and a failed one shows its output.
 */
async function bench(
  id: string,
  script: string,
  file: string,
  opts: { args?: string[]; fromStdout?: boolean } = {},
) {
  const stored = () => {
    const p = resolve(RESULTS, file);
    if (!existsSync(p)) return undefined;
    return readFileSync(p, 'utf8').replace(/^# .*\n+/, '');
  };
  if (skip.has(id) || !scripts[script]) {
    const last = stored();
    return last ? `_Not rerun this time: figures from the last run (${file})._\n\n${last}` : '_Not run._';
  }
  const r = npmRun(script, opts.args ?? []);
  // A benchmark that only prints (bench:match) gets its output stored as its report.
  if (r.ok && opts.fromStdout)
    await writeFile(
      resolve(RESULTS, file),
      `# ${script} — ${new Date().toISOString().slice(0, 10)}\n\n${fence(r.stdout)}\n`,
    );
  const body = stored();
  if (r.ok && body) return body;
  return `**${r.ok ? 'no report written' : 'failed'}** (${r.minutes} min)\n\n${fence(r.stdout.slice(-3000))}`;
}

section(
  'Lists: parse time and memory (`npm run bench:lists`)',
  await bench('lists', 'bench:lists', 'lists.md'),
);
section(
  'Matching engine vs PostgreSQL pg_trgm (`npm run bench:match`)',
  `Engine: in-process match index, one core. Baseline: pg_trgm \`similarity()\` with a GIN index over the same names (one connection). Recall and false alerts on the same labelled queries.\n\n${await bench('match', 'bench:match', 'match.md', { fromStdout: true })}`,
);
section(
  'Worst-case inputs: the slowest single party (`npm run bench:worst`)',
  await bench('worst', 'bench:worst', 'worst-case.md'),
);
section(
  'HTTP: POST /screen and /screen/batch (`npm run bench:http`)',
  await bench('http', 'bench:http', 'http.md', { args: values['http-args'].split(' ').filter(Boolean) }),
);
// From the last `npm run bench:http -- --profile` (not rerun here: profiling slows the service).
if (existsSync(resolve(RESULTS, 'http-profile.md'))) {
  const profiled = readFileSync(resolve(RESULTS, 'http-profile.md'), 'utf8');
  section(
    `HTTP under a CPU profile (${profiled.split('\n')[0]?.replace(/^# /, '')})`,
    profiled.replace(/^# .*\n+/, ''),
  );
}
section(
  'List activation under load (`npm run bench:activation`)',
  await bench('activation', 'bench:activation', 'activation.md'),
);
section('Audit log queries (`npm run bench:audit`)', await bench('audit', 'bench:audit', 'audit.md'));

const faultDir = await mkdtemp(resolve(tmpdir(), 'tradescreen-faults-'));
if (!skip.has('faults')) {
  const r = npmRun('test:faults', [], { FAULTS_REPORT_DIR: faultDir });
  const rows = readdirSync(faultDir)
    .sort()
    .map((f) => JSON.parse(readFileSync(resolve(faultDir, f), 'utf8')) as Record<string, string | number>);
  const table = [
    '| scenario | requests under fault | 200 answered | audit rows found for them | 503 | other 5xx | no answer (process down) | notes |',
    '|---|--:|--:|--:|--:|--:|--:|---|',
    ...rows.map(
      (f) =>
        `| ${f.scenario} | ${f.requests} | ${f.ok200} | ${f.auditRowsFound} | ${f.status503} | ${f.status5xxOther} | ${f.networkErrors} | ${f.notes} |`,
    ),
  ].join('\n');
  const md = `Each scenario starts its own embedded PostgreSQL (and its own redis-server), never the shared servers; the service is one plain \`node\` process. Figures from \`npm run test:faults\` (${r.ok ? 'passed' : '**failed**'}, ${r.minutes} min; a scenario in which the service process died is listed with that in its notes).\n\n${table}\n`;
  await writeFile(
    resolve(RESULTS, 'faults.md'),
    `# Fault tests — ${new Date().toISOString().slice(0, 10)}\n\n${md}`,
  );
}
await rm(faultDir, { recursive: true, force: true });
section(
  'Faults: kill -9, PostgreSQL and Redis outages, refresh under load (`npm run test:faults`)',
  existsSync(resolve(RESULTS, 'faults.md'))
    ? `${skip.has('faults') ? '_Not rerun this time: figures from the last run (faults.md)._\n\n' : ''}${readFileSync(resolve(RESULTS, 'faults.md'), 'utf8').replace(/^# .*\n+/, '')}`
    : '_Not run._',
);

section(
  'Fuzzing: POST /screen and /screen/batch (`npm run test:fuzz`)',
  existsSync(resolve(RESULTS, 'fuzz.md'))
    ? readFileSync(resolve(RESULTS, 'fuzz.md'), 'utf8').replace(/^# .*\n+/, '')
    : '_Not run._',
);

section(
  'Baseline: the npm `ofac` package',
  '`ofac@1.0.21` installs from the registry, but it is not usable as a side-by-side baseline here: it reads only OFAC’s legacy `sdn.xml`, which it downloads from treasury.gov at first use (the shared list folder holds the SDN as CSV; the benchmarks never fetch lists from the network), and each `search()` re-reads and XML-parses the whole file line by line, matching first/last name or ID by exact equality (no aliases beyond exact AKA equality, no transliteration, no fuzzy matching). A per-query full-file scan is seconds per lookup on 15,000 entries by construction, so it would not change the conclusion; pg_trgm above is the meaningful baseline.',
);

const cpu = cpus();
const git = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const doc = [
  '# Benchmarks',
  '',
  `Regenerated by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${git}.`,
  '',
  `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}/${process.arch}. PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'}; load generator and service on the same machine.`,
  '',
  ...sections,
].join('\n');
await writeFile(resolve(ROOT, 'BENCHMARKS.md'), doc);
console.log(doc);
