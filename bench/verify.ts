/**
 * GET /audit/verify on a big log: node --expose-gc --import tsx bench/verify.ts. Loads BENCH_VERIFY_ROWS (default 1,000,000)
 * screenings with seedScreenings (as bench:audit does), gives each the `screening` audit event the service
 * would have written (hashes of the stored request and result, one chain), then times one full verify and
 * samples the heap during it: the walk is paged, so memory must stay flat whatever the length.
 * Writes bench/results/verify.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { appendAuditEvents } from '../src/audit/audit-store.ts';
import { canonicalJson } from '../src/audit/canonical-json.ts';
import { verifyAuditChain } from '../src/audit/verify-chain.ts';
import { sha256 } from '../src/audit/verify-report.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPool } from '../src/db/pool.ts';
import { withTransaction } from '../src/db/transaction.ts';
import { createGoodsTableCheck } from '../src/goods-tables/goods-table-verify.ts';
import { createLicenceCheck } from '../src/licences/licence-verify.ts';
import { createAlertReviewCheck } from '../src/monitoring/alert-review-verify.ts';
import { createFalsePositiveCheck } from '../src/reviews/false-positive-verify.ts';
import { createReviewCheck } from '../src/reviews/review-verify.ts';
import { startTestDatabase } from '../test/support/database.ts';
import { seedScreenings } from './support/seed-screenings.ts';

const ROWS = Number(process.env.BENCH_VERIFY_ROWS ?? 1_000_000);
const TENANT = 'bench';
const PAGE = 5_000;

const db = await startTestDatabase();
const pool = createPool(db.url, 4);
try {
  await migrate(pool);
  await pool.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Bench')`, [TENANT]);
  const t0 = performance.now();
  await seedScreenings(db.url, TENANT, ROWS);
  await chainSeeded();
  console.log(`loaded and chained ${ROWS} screenings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const deps = {
    pool,
    reviews: () => createReviewCheck(pool),
    falsePositives: () => createFalsePositiveCheck(pool),
    alertReviews: () => createAlertReviewCheck(pool),
    licences: () => createLicenceCheck(pool),
    goodsTables: () => createGoodsTableCheck(pool),
  };
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapMax = heapBefore;
  const sampler = setInterval(() => {
    heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
  }, 50);
  const v0 = performance.now();
  const report = await verifyAuditChain(deps, TENANT);
  const verifyMs = performance.now() - v0;
  clearInterval(sampler);
  const line =
    `GET /audit/verify over ${report.rowsChecked} events (each a screening with its projection row): ` +
    `${(verifyMs / 1000).toFixed(1)} s, ${Math.round(report.rowsChecked / (verifyMs / 1000))} events/s; ` +
    `heap ${mb(heapBefore)} before, at most ${mb(heapMax)} during; ok = ${report.ok}` +
    (report.ok ? '' : ` (first: ${report.detail})`);
  console.log(line);
  const dir = resolve(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(
    resolve(dir, 'verify.md'),
    `# verify — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
      `${db.embedded ? 'embedded PostgreSQL 15' : 'PostgreSQL server'}\n\n${line}\n`,
  );
} finally {
  await pool.end();
  await db.close();
}

/**
 * The seeded rows as the service stores them: a policy in each result (the row's policy_version), the
 * request hash column, a projection derived from no reviews, and one `screening` event per row in audit_seq
 * order, whose seq is that audit_seq. Triggers are off for this session only (replica), as a restore would.
 */
async function chainSeeded() {
  await pool.query(
    `UPDATE screening_review_state st SET status = 'open', outcome = NULL FROM screenings s
     WHERE s.id = st.screening_id AND s.decision <> 'clear' AND st.tenant_id = $1`,
    [TENANT],
  );
  for (let from = 0; from < ROWS; from += PAGE) {
    const { rows } = await pool.query(
      `SELECT id, api_key_id, reference, decision, screened_at, request, result FROM screenings
       WHERE tenant_id = $1 AND audit_seq > $2 AND audit_seq <= $3 ORDER BY audit_seq`,
      [TENANT, from, from + PAGE],
    );
    const docs = rows.map((r) => {
      const request = canonicalJson(r.request);
      // The seed's findings name their entry in the id only (party:0:<source>:<entry>); the service's carry it.
      const findings = r.result.findings.map((f: { id: string }) => ({
        ...f,
        entry: { id: f.id.split(':')[3] },
      }));
      const result = canonicalJson({
        ...r.result,
        findings,
        policy: { version: 1 },
        screenedAt: r.screened_at,
      });
      return { r, request, result, requestHash: sha256(request), resultHash: sha256(result) };
    });
    await withTransaction(pool, async (client) => {
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(
        `UPDATE screenings s SET request = t.request, result = t.result, request_hash = t.request_hash
         FROM unnest($1::uuid[], $2::json[], $3::json[], $4::text[]) AS t(id, request, result, request_hash)
         WHERE s.id = t.id`,
        [
          docs.map((d) => d.r.id),
          docs.map((d) => d.request),
          docs.map((d) => d.result),
          docs.map((d) => d.requestHash),
        ],
      );
      await appendAuditEvents(
        client,
        docs.map((d) => ({
          tenantId: TENANT,
          actor: d.r.api_key_id,
          type: 'screening',
          occurredAt: d.r.screened_at,
          payload: {
            screeningId: d.r.id,
            reference: d.r.reference,
            decision: d.r.decision,
            requestHash: d.requestHash,
            resultHash: d.resultHash,
            listVersions: [],
          },
        })),
      );
    });
  }
  await pool.query('VACUUM ANALYZE screenings');
  await pool.query('VACUUM ANALYZE audit_events');
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}
