import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FIXTURE_SDN_ROWS } from '../support/screening-app.ts';
import { missingFromAudit } from './support/audit-check.ts';
import { figuresOf, reportFaults } from './support/fault-report.ts';
import { type FaultService, sdnRow, startFaultService, writeSdn } from './support/fault-service.ts';
import { count, startLoad } from './support/load.ts';
import { type OwnedPostgres, startOwnedPostgres } from './support/owned-postgres.ts';
import { finds, requestRefresh } from './support/refresh.ts';
import { waitFor } from './support/wait-for.ts';

// A new sanctions version must reach screening without a window of errors: the snapshot is swapped whole.
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

test('a list refresh under load swaps the index with zero failed requests', async (t) => {
  const NEW = 'ZEPHYRON KALTBRUNN TRADING LLC';
  assert.equal(await finds(svc.baseUrl, svc.adminKey, NEW, '91009'), false, 'not listed before');
  const load = startLoad(svc.baseUrl, svc.adminKey, 6);
  t.after(() => load.stop());
  await waitFor('200 answers before the refresh', 30_000, () => load.ok() >= 100);
  await writeSdn(svc.sdnDir, [...FIXTURE_SDN_ROWS, sdnRow(91009, NEW)]);
  await requestRefresh(svc.baseUrl, svc.adminKey);
  const asked = Date.now();
  await waitFor('the new entry is found', 60_000, () => finds(svc.baseUrl, svc.adminKey, NEW, '91009'));
  const swapMs = Date.now() - asked;
  const okAtSwap = load.ok();
  await waitFor('200 answers after the swap', 30_000, () => load.ok() >= okAtSwap + 100);
  const tally = await load.stop();

  assert.deepEqual(tally.contractViolations, []);
  assert.equal(tally.networkErrors, 0);
  assert.deepEqual(
    [...tally.byStatus].filter(([s]) => s !== 200),
    [],
    'every request during the refresh answered 200',
  );
  const audit = await missingFromAudit(db.url, tally.okIds);
  assert.deepEqual(audit.notAudited, []);
  reportFaults(
    figuresOf(
      'list refresh under load',
      tally,
      audit.notAudited,
      `6 clients; sdn.csv changed, POST /lists/us-ofac-sdn/refresh; new entry found ${swapMs} ms after the request; non-200 answers: ${count(tally, (s) => s !== 200)}`,
    ),
    (m) => t.diagnostic(m),
  );
});
