/**
 * Audit-log benchmark: npm run bench:audit. Loads BENCH_AUDIT_ROWS (default 1,000,000) screenings into a fresh
 * database (embedded PostgreSQL, or a new database on DATABASE_URL's server), then times the first page and a
 * deep page (cursor after 20 pages) of GET /screenings' query for each filter against the < 200 ms target,
 * a streamed export, and writes the table plus every plan (EXPLAIN ANALYZE) to bench/results/audit.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ScreeningFilter } from '../src/audit/screening-filter.ts';
import { explainPage, pageScreenings } from '../src/audit/screening-log-store.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPool } from '../src/db/pool.ts';
import { startTestDatabase } from '../test/support/database.ts';
import { seedScreenings } from './support/seed-screenings.ts';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000);
const TARGET_MS = 200;
const TENANT = 'bench';
const RUNS = 7;

const db = await startTestDatabase();
const pool = createPool(db.url, 4);
try {
  await migrate(pool);
  await pool.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Bench'), ('noise', 'Noise')`, [TENANT]);
  const t0 = performance.now();
  await seedScreenings(db.url, 'noise', Math.min(ROWS, 50_000));
  await seedScreenings(db.url, TENANT, ROWS);
  // The triage queue as the write path keeps it (0037): an item per review or block screening, closed when
  // resolved; a third of those still waiting superseded by a re-screen of their reference. The audit log reads
  // it for the listed status (superseded) on every page.
  await pool.query(
    `INSERT INTO review_queue (screening_id, tenant_id, screened_at, reference, decision, severity, sources,
       party_names, review_status, superseded_by, closed_at)
     SELECT s.id, s.tenant_id, s.screened_at, s.reference, s.decision, CASE s.decision WHEN 'block' THEN 2 ELSE 1 END,
       s.sources, s.party_names, r.status,
       CASE WHEN r.status <> 'resolved' AND s.audit_seq % 3 = 0 THEN gen_random_uuid() END,
       CASE WHEN r.status = 'resolved' OR s.audit_seq % 3 = 0 THEN s.screened_at END
     FROM screenings s JOIN screening_review_state r ON r.screening_id = s.id
     WHERE s.tenant_id = $1 AND s.decision <> 'clear'`,
    [TENANT],
  );
  await pool.query('VACUUM ANALYZE review_queue');
  const loadMs = performance.now() - t0;
  console.log(`loaded ${ROWS} screenings in ${(loadMs / 1000).toFixed(1)} s`);

  const sample = (
    await pool.query(`SELECT party_names FROM screenings WHERE reference = 'REF-424242' OR audit_seq = 7`)
  ).rows[0].party_names as string;
  // One typo in the first word: the fuzzy search must still find the party.
  const typo = sample.replace(/^(\w{2})\w/, '$1x');
  const mid = new Date(Date.now() - (ROWS / 2) * 30_000);
  const filters: [string, ScreeningFilter][] = [
    ['none (newest first)', {}],
    ['from/to (3 days)', { from: iso(mid, -3), to: iso(mid, 0) }],
    ['decision=block', { decision: 'block' }],
    ['decision=review', { decision: 'review' }],
    ['reviewStatus=open', { reviewStatus: 'open' }],
    ['reviewStatus=in_review', { reviewStatus: 'in_review' }],
    ['reviewStatus=superseded', { reviewStatus: 'superseded' }],
    ['reference (exact)', { reference: `REF-${Math.floor(ROWS / 3)}` }],
    [`partyName fuzzy "${typo}"`, { partyName: typo }],
    ['source=un-sc', { source: 'un-sc' }],
    ['entryId=1234', { entryId: '1234' }],
    ['apiKeyId', { apiKeyId: 'key_bench_7' }],
    ['decision=block + source + from', { decision: 'block', source: 'eu-oj', from: iso(mid, -30) }],
    ['reviewStatus=open + apiKeyId', { reviewStatus: 'open', apiKeyId: 'key_bench_3' }],
    ['partyName + decision=clear', { partyName: typo, decision: 'clear' }],
    ['entryId + reviewStatus=open', { entryId: '1234', reviewStatus: 'open' }],
    // A broad word shared by one name in eight: thousands of matching names, the party-name plan's worst case.
    ['partyName broad "Trading"', { partyName: 'Trading' }],
    ['partyName + reviewStatus=open', { partyName: typo, reviewStatus: 'open' }],
    ['partyName + from/to (30 days)', { partyName: typo, from: iso(mid, -30), to: iso(mid, 0) }],
  ];
  const table = [
    `| filter | rows on page 1 | page 1 median | page 1 max | page 21 median | target < ${TARGET_MS} ms |`,
    '|---|--:|--:|--:|--:|---|',
  ];
  const plans: string[] = [];
  for (const [name, f] of filters) {
    const first = await timeIt(() => pageScreenings(pool, TENANT, f, null, 50));
    let cursor = null;
    for (let i = 0; i < 20; i++) {
      const page = await pageScreenings(pool, TENANT, f, cursor, 50);
      cursor = page.at(-1)?.cursor ?? null;
      if (!cursor) break;
    }
    const deep = cursor ? await timeIt(() => pageScreenings(pool, TENANT, f, cursor, 50)) : null;
    const worst = Math.max(first.max, deep?.max ?? 0);
    table.push(
      `| ${name} | ${first.rows} | ${ms(first.median)} | ${ms(first.max)} | ${deep ? ms(deep.median) : '—'} | ${worst < TARGET_MS ? 'yes' : '**no**'} |`,
    );
    plans.push(`### ${name}\n\n\`\`\`\n${await explainPage(pool, TENANT, f, 50)}\n\`\`\``);
    console.log(table.at(-1));
  }

  const e0 = performance.now();
  let exported = 0;
  let cursor = null;
  for (;;) {
    const page = await pageScreenings(pool, TENANT, { decision: 'review' }, cursor, 1000);
    exported += page.length;
    if (page.length < 1000) break;
    cursor = page.at(-1)!.cursor;
  }
  const exportMs = performance.now() - e0;
  const exportLine = `Export query path (decision=review, ${exported} rows in pages of 1,000): ${(exportMs / 1000).toFixed(1)} s, ${Math.round(exported / (exportMs / 1000))} rows/s.`;
  console.log(exportLine);

  const out = [
    `# bench:audit — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${db.embedded ? 'embedded PostgreSQL 15' : 'PostgreSQL server'}`,
    '',
    `${ROWS} screenings of tenant \`${TENANT}\` (plus 50,000 of another tenant), loaded in ${(loadMs / 1000).toFixed(1)} s. ` +
      `Each figure is the query behind GET /screenings (limit 50) run ${RUNS} times; page 21 follows 20 cursors.`,
    '',
    ...table,
    '',
    exportLine,
    '',
    '## Plans',
    '',
    ...plans,
    '',
  ].join('\n');
  const dir = resolve(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(resolve(dir, 'audit.md'), out);
  console.log('written to bench/results/audit.md');
} finally {
  await pool.end();
  await db.close();
}

function iso(base: Date, days: number): string {
  return new Date(base.getTime() + days * 86_400_000).toISOString();
}

function ms(v: number): string {
  return `${v.toFixed(1)} ms`;
}

async function timeIt(fn: () => Promise<unknown[]>) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    rows = (await fn()).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, rows };
}
