import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { missingFromAudit, verifyChainDirectly, verifyChainViaApi } from './support/audit-check.ts';
import { figuresOf, reportFaults } from './support/fault-report.ts';
import { type FaultService, startFaultService } from './support/fault-service.ts';
import { count, startLoad } from './support/load.ts';
import { type OwnedPostgres, startOwnedPostgres } from './support/owned-postgres.ts';
import { waitFor } from './support/wait-for.ts';

// The promise behind POST /screen: an answer is sent only after COMMIT, so a process killed at any instant
// cannot have told a client "clear" without the audit row that proves it.
let db: OwnedPostgres;
let svc: FaultService;
before(async () => {
  db = await startOwnedPostgres();
  svc = await startFaultService({ databaseUrl: db.url });
});
after(async () => {
  await svc?.close();
  await db?.close();
});

test('kill -9 of the API under load: every 200 the client saw is audited, the chain stays intact', async (t) => {
  const load = startLoad(svc.baseUrl, svc.adminKey, 8);
  t.after(() => load.stop());
  t.after(() =>
    t.diagnostic(
      `answers: ${JSON.stringify([...load.tally.byStatus])}, network errors: ${load.tally.networkErrors}`,
    ),
  );
  await waitFor('200 answers before the kill', 30_000, () => load.ok() >= 150);
  await svc.kill();
  const okAtKill = load.ok();
  await waitFor('clients see the process gone', 10_000, () => load.tally.networkErrors >= 10);
  await svc.start();
  await waitFor('200 answers after the restart', 30_000, () => load.ok() >= okAtKill + 150);
  const tally = await load.stop();

  assert.deepEqual(tally.contractViolations, []);
  assert.equal(
    count(tally, (s) => s >= 500),
    0,
    `5xx answers: ${JSON.stringify([...tally.byStatus])}`,
  );
  assert.equal(
    count(tally, (s) => s !== 200),
    0,
    `non-200 answers: ${JSON.stringify([...tally.byStatus])}`,
  );
  const audit = await missingFromAudit(db.url, tally.okIds);
  assert.deepEqual(audit.notAudited, [], 'answered 200 but no audit event');
  assert.deepEqual(audit.notStored, [], 'answered 200 but no screening row');
  const chain = await verifyChainDirectly(db.url);
  assert.ok(chain.rowsChecked >= tally.okIds.length);
  const api = await verifyChainViaApi(svc.baseUrl, svc.adminKey);
  if (api) assert.equal(api.ok, true, JSON.stringify(api));

  reportFaults(
    figuresOf(
      'kill -9 API under load',
      tally,
      audit.notAudited,
      `8 clients; SIGKILL after ${okAtKill} answers, restart on the same database; chain of ${chain.rowsChecked} events recomputed${api ? ' and GET /audit/verify ok' : ' (GET /audit/verify not served yet)'}; requests with no answer (connection refused/reset) are the ones in flight or sent while the process was down`,
    ),
    (m) => t.diagnostic(m),
  );
});
