/**
 * HTTP benchmark on the real lists: npm run bench:http [-- --duration 20 --profile]
 * The service runs as its own process on real PostgreSQL (a fresh database on DATABASE_URL's server, or an
 * embedded one) with every real list loaded through the refresh pipeline; each POST /screen carries one party
 * and two goods lines. Measures latency at a steady 1,000 req/s (an open-loop paced load: autocannon's rate
 * mode sends bursts, see support/paced-load.ts), then max throughput (autocannon, closed loop) and a 1,000-party
 * /screen/batch; with --profile, a CPU profile of the service under max load, summarised.
 *
 * The steady run comes first and is measured only after the paced load has run for as long as the kernel
 * keeps written pages in its cache before writing them back (vm.dirty_expire_centisecs plus one flusher
 * interval, 35 s by default): each write-back burst delays PostgreSQL's WAL flushes, and measured straight after
 * the max-throughput run, the window took the write-back of that run's 2.3x-rate writes (stalls of 40-110 ms;
 * 4 of 12 runs over 25 ms with the code of bb6a3a2) rather than its own. Measured after that warm-up, it
 * includes the write-back of pages the paced load itself wrote, as in a service that has run at that rate for
 * a while.
 * Writes bench/results/http.md (bench/results/http-profile.md with --profile: profiling slows the service).
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { summariseProfile } from './support/cpu-profile-summary.ts';
import { allocationCalibrationMs, cpuCalibrationMs, cpuModel } from './support/cpu-speed.ts';
import { cpuPerRequest, cpuSnapshot } from './support/cpu-usage.ts';
import { cleanup, listedNames, prepareDatabase, startBenchService } from './support/http-service.ts';
import { pacedLoad, pageCacheWritebackDelayS, percentile } from './support/paced-load.ts';
import { createScreenMix } from './support/screen-mix.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
    profile: { type: 'boolean', default: false },
  },
});
const DURATION = Number(values.duration);
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const log = (m: string) => console.error(m);

const { db, env, dataDir, adminKey } = await prepareDatabase(log);
const names = await listedNames(db.url);
const profDir = resolve(tmpdir(), `tradescreen-cpu-prof-${process.pid}`);
if (values.profile) {
  await rm(profDir, { recursive: true, force: true });
  await mkdir(profDir, { recursive: true });
}
const svc = await startBenchService(
  { ...env, DATABASE_URL: db.url, DATA_DIR: dataDir, TRADESCREEN_ADMIN_KEY: adminKey },
  values.profile ? { cpuProfDir: profDir } : {},
);
const rssLoaded = svc.rss();
log(`[bench:http] service ready, RSS ${mb(rssLoaded.rss)}; ${names.length} listed names in the mix`);
const headers = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };

function run(opts: { connections: number; duration: number; overallRate?: number }, seed: number) {
  const next = createScreenMix(names, seed);
  return autocannon({
    url: svc.baseUrl,
    connections: opts.connections,
    duration: opts.duration,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/screen',
        headers,
        setupRequest: (req) => ({ ...req, body: JSON.stringify(next()) }),
      },
    ],
  });
}

type Result = autocannon.Result;
const line = (label: string, r: Result) =>
  `| ${label} | ${r.requests.average.toFixed(0)} req/s | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${r.requests.total} | ${r.non2xx} | ${r.errors + r.timeouts} |`;

const calibrationBefore = cpuCalibrationMs();
const allocationBefore = allocationCalibrationMs();
const PACED_RATE = 1000;
const paced = (seed: number, durationS: number) => {
  const next = createScreenMix(names, seed);
  return pacedLoad({
    url: svc.baseUrl,
    path: '/screen',
    headers,
    body: () => JSON.stringify(next()),
    rate: PACED_RATE,
    durationS,
    connections: 64,
  });
};
const warmS = pageCacheWritebackDelayS();
log(`[bench:http] warm-up: paced ${PACED_RATE} req/s, ${warmS} s`);
await paced(1, warmS);
log(`[bench:http] paced ${PACED_RATE} req/s, ${DURATION} s`);
const cpu1 = cpuSnapshot(svc.pid);
const steady = await paced(3, DURATION);
const cpuPaced = cpuPerRequest(cpu1, cpuSnapshot(svc.pid), steady.completed, availableParallelism());
const pct = (p: number) => percentile(steady.latencies, p).toFixed(1);
// Each second's p99: a stall (a GC cycle, a write-back burst) shows as the seconds it spoils, not one number.
const secondP99s = Array.from({ length: DURATION }, (_, i) => {
  const second = Float64Array.from(
    steady.byRequest.subarray(i * PACED_RATE, (i + 1) * PACED_RATE).filter((x) => !Number.isNaN(x)),
  );
  return percentile(second.sort(), 99);
}).sort((a, b) => a - b);
const pacedLine = `| paced ${PACED_RATE.toLocaleString('en')} req/s (open loop, up to 64 connections, ${DURATION} s after ${warmS} s at that rate) | ${steady.throughput.toFixed(0)} req/s | ${pct(50)} ms | ${pct(99)} ms | ${pct(100)} ms | ${steady.completed} | ${steady.non2xx} | ${steady.errors} |`;
log(`[bench:http] ${pacedLine}`);

log(`[bench:http] max throughput: ${values.connections} connections, ${DURATION} s`);
const cpu0 = cpuSnapshot(svc.pid);
const max = await run({ connections: Number(values.connections), duration: DURATION }, 2);
const cpuMax = cpuPerRequest(cpu0, cpuSnapshot(svc.pid), max.requests.total, availableParallelism());
log(`[bench:http] ${cpuMax}`);
const rssMax = svc.rss();
log(`[bench:http] ${line('max', max)}`);

// /screen/batch of 1,000 parties: one request, one transaction, 1,000 audit rows.
const batchMs: number[] = [];
let batchStatus = 0;
for (let i = 0; i < 5; i++) {
  const next = createScreenMix(names, 100 + i);
  const items = Array.from({ length: 1000 }, () => {
    const b = next();
    delete b.goods;
    return b;
  });
  const t0 = performance.now();
  const res = await fetch(`${svc.baseUrl}/screen/batch`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ items }),
  });
  await res.arrayBuffer();
  batchMs.push(performance.now() - t0);
  batchStatus = res.status;
}
batchMs.sort((a, b) => a - b);
const rssEnd = svc.rss();
const calibrationAfter = cpuCalibrationMs();
const allocationAfter = allocationCalibrationMs();
await svc.stop();

let profile: Awaited<ReturnType<typeof summariseProfile>> | undefined;
if (values.profile) {
  const file = (await readdir(profDir)).find((f) => f.endsWith('.cpuprofile'));
  if (file) profile = await summariseProfile(resolve(profDir, file));
}
await cleanup(db, dataDir);

const target = (ok: boolean) => (ok ? 'met' : '**missed**');
const report = [
  `# bench:http — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`,
  '',
  `Service: one \`node --import tsx src/main.ts\` process, ${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL (a fresh database)' : 'embedded PostgreSQL'}, every real list loaded and then checkpointed (the load's half a gigabyte of writes is set-up, not load), access log at \`info\` to /dev/null, per-key rate limit lifted. Load: autocannon (max throughput) and a paced open-loop generator (1,000 req/s) in a separate process on the same 2-core machine (it competes for the CPU). Each request: one party (~10% real listed names, the rest varied invented persons and firms) and two goods lines with a route; every answer is stored with its audit event before it is sent.`,
  '',
  '| run | throughput | p50 | p99 | max | requests | non-2xx | errors |',
  '|---|--:|--:|--:|--:|--:|--:|--:|',
  pacedLine,
  line(`max throughput (${values.connections} connections, ${DURATION} s)`, max),
  '',
  `Paced run: p90 ${pct(90)} ms, p99.9 ${pct(99.9)} ms; latency counts from each request's due time, so a stall delays every request due during it. The p99 of each second: median ${percentile(Float64Array.from(secondP99s), 50).toFixed(0)} ms, best ${secondP99s[0]!.toFixed(0)} ms, worst ${secondP99s[secondP99s.length - 1]!.toFixed(0)} ms; ${secondP99s.filter((x) => x > 25).length} of ${secondP99s.length} seconds above 25 ms.`,
  '',
  `POST /screen/batch of 1,000 parties (status ${batchStatus}): median ${batchMs[2]!.toFixed(0)} ms, min ${batchMs[0]!.toFixed(0)} ms, max ${batchMs[4]!.toFixed(0)} ms over 5 runs.`,
  '',
  `CPU per request — max-throughput run: ${cpuMax}; paced run: ${cpuPaced}. Service, PostgreSQL and load generator share the same cores.`,
  '',
  `Service RSS: ${mb(rssLoaded.rss)} with the lists loaded, ${mb(rssMax.rss)} after the max-throughput run, peak ${mb(rssEnd.peak)}.`,
  '',
  `CPU: ${cpuModel()}. Calibration (median of 5; lower is faster): a fixed 10⁸-iteration integer loop ${calibrationBefore.toFixed(0)} ms before the runs, ${calibrationAfter.toFixed(0)} ms after; a fixed build-serialise-parse-hash workload ${allocationBefore.toFixed(0)} ms before, ${allocationAfter.toFixed(0)} ms after. Hosts of this machine kind differ in CPU (see bench/support/cpu-speed.ts), and one host from hour to hour: compare figures taken on the same CPU at similar calibrations.`,
  '',
  `Targets: ≥ 1,500 req/s ${target(max.requests.average >= 1500)}; p99 ≤ 25 ms at 1,000 req/s ${target(percentile(steady.latencies, 99) <= 25 && steady.throughput >= 950)}; batch of 1,000 ≤ 1 s ${target(batchMs[2]! <= 1000)}.`,
  ...(profile
    ? [
        '',
        '## Where the time goes (CPU profile of the service, whole run, self time)',
        '',
        '| share | area |',
        '|--:|---|',
        ...profile.areas,
        '',
        '| share | function |',
        '|--:|---|',
        ...profile.functions,
      ]
    : []),
  '',
].join('\n');
console.log(report);
await mkdir(resolve(import.meta.dirname, 'results'), { recursive: true });
// A profiled run is slower: its figures go beside the unprofiled ones, never over them.
await writeFile(
  resolve(import.meta.dirname, values.profile ? 'results/http-profile.md' : 'results/http.md'),
  report,
);
if (values.profile) await rm(profDir, { recursive: true, force: true });
