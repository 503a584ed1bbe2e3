import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FIXTURE_SDN_ROWS } from '../support/screening-app.ts';
import { missingFromAudit } from './support/audit-check.ts';
import { figuresOf, reportFaults } from './support/fault-report.ts';
import { type FaultService, sdnRow, startFaultService, writeSdn } from './support/fault-service.ts';
import { startLoad } from './support/load.ts';
import { type OwnedPostgres, startOwnedPostgres } from './support/owned-postgres.ts';
import { skipWithoutRedisServer, startPrivateRedis } from './support/private-redis.ts';
import { finds, requestRefresh } from './support/refresh.ts';
import { waitFor } from './support/wait-for.ts';

// Redis carries only the job queues: screening must not notice it is gone, and a refresh asked for while it
// is down must still run once it is back. Redis runs without persistence (as on the CI server), so what it
// held when it died — waiting jobs, job schedulers, job history — is gone after the restart; what is NOT lost
// is anything enqueued after it, and the enqueue path itself, which is what this test checks.
let db: OwnedPostgres;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let svc: FaultService;
before(async () => {
  if (skipWithoutRedisServer) return;
  db = await startOwnedPostgres();
  redis = await startPrivateRedis();
  svc = await startFaultService({ databaseUrl: db.url, redisUrl: redis.url });
});
after(async () => {
  await svc?.close();
  await redis?.close();
  await db?.close();
});

test('Redis killed under load: screening continues, a refresh asked for during the outage runs after it', {
  skip: skipWithoutRedisServer,
}, async (t) => {
  const A = 'QUORVANT MARITIME HOLDINGS';
  const B = 'VELLISTRA DYNAMICS FZE';
  const load = startLoad(svc.baseUrl, svc.adminKey, 4);
  t.after(() => load.stop());
  await waitFor('200 answers before the outage', 30_000, () => load.ok() >= 100);
  await redis.kill();
  const okAtKill = load.ok();
  await waitFor('200 answers while Redis is down', 30_000, () => load.ok() >= okAtKill + 100);

  // Asked for while Redis is down: the enqueue waits for the connection instead of failing.
  await writeSdn(svc.sdnDir, [...FIXTURE_SDN_ROWS, sdnRow(91011, A)]);
  const during = requestRefresh(svc.baseUrl, svc.adminKey);
  await redis.start();
  await during;
  await waitFor('refresh asked for during the outage ran', 60_000, () =>
    finds(svc.baseUrl, svc.adminKey, A, '91011'),
  );
  // Enqueued after the restart, on the new empty Redis.
  await writeSdn(svc.sdnDir, [...FIXTURE_SDN_ROWS, sdnRow(91011, A), sdnRow(91012, B)]);
  await requestRefresh(svc.baseUrl, svc.adminKey);
  await waitFor('refresh enqueued after the restart ran', 60_000, () =>
    finds(svc.baseUrl, svc.adminKey, B, '91012'),
  );
  const tally = await load.stop();

  assert.equal(svc.current().child.exitCode, null, 'the service survived');
  assert.deepEqual(tally.contractViolations, []);
  assert.equal(tally.networkErrors, 0);
  assert.deepEqual(
    [...tally.byStatus].filter(([s]) => s !== 200),
    [],
    'screening never failed',
  );
  const audit = await missingFromAudit(db.url, tally.okIds);
  assert.deepEqual(audit.notAudited, []);
  reportFaults(
    figuresOf(
      'Redis killed and restarted empty under load',
      tally,
      audit.notAudited,
      '4 clients; SIGKILL of redis-server (--save "" --appendonly no), restarted empty on the same port; a refresh requested during the outage (202 once Redis was back) and one after both ran. Lost by design without persistence: jobs waiting in Redis at the kill, the repeat job schedulers (re-created only when the process starts its workers), job history',
    ),
    (m) => t.diagnostic(m),
  );
});
