import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FIXTURE_SDN_ROWS } from '../support/screening-app.ts';
import { missingFromAudit } from './support/audit-check.ts';
import { figuresOf, reportFaults } from './support/fault-report.ts';
import { type FaultService, sdnRow, startFaultService, writeSdn } from './support/fault-service.ts';
import { startLoad } from './support/load.ts';
import { type OwnedPostgres, startOwnedPostgres } from './support/owned-postgres.ts';
import { finds, requestRefresh } from './support/refresh.ts';
import { waitFor } from './support/wait-for.ts';

// A refresh writes its version in one transaction: a process killed half-way must leave the previous version
// active and nothing of the new one visible — never a list with half its entries.
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

const BIG = 80_000;
const bigFile = () => {
  const rows = [...FIXTURE_SDN_ROWS];
  for (let i = 0; i < BIG; i++) rows.push(sdnRow(200_000 + i, `INVENTED TRADING COMPANY ${i} LLC`));
  return rows;
};

const versions = () =>
  db.query<{ version: number; status: string; total: number; items: number }>(
    `SELECT v.version, v.status, (v.counts->>'total')::int AS total,
            (SELECT count(*)::int FROM list_version_items i WHERE i.source_id = v.source_id AND i.version = v.version) AS items
     FROM list_versions v WHERE v.source_id = 'us-ofac-sdn' ORDER BY v.version`,
  );

test('kill -9 during the refresh of a big file: the previous version stays active, nothing half-written is visible', async (t) => {
  const before = await versions();
  assert.deepEqual(
    before.map((v) => [v.version, v.status]),
    [[1, 'active']],
  );
  const load = startLoad(svc.baseUrl, svc.adminKey, 2);
  t.after(() => load.stop());
  await waitFor('200 answers before the refresh', 30_000, () => load.ok() >= 50);
  await writeSdn(svc.sdnDir, bigFile());
  await requestRefresh(svc.baseUrl, svc.adminKey);
  // Half-way = the refresh transaction is writing entries.
  await waitFor(
    'the refresh is inserting entries',
    60_000,
    async () =>
      (
        await db.query(
          `SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'INSERT INTO list_version_items%'`,
        )
      ).length > 0,
    10,
  );
  await svc.kill();
  // The server rolls back once it notices the client is gone.
  await waitFor(
    'the killed transaction is gone',
    30_000,
    async () =>
      (
        await db.query(
          `SELECT 1 FROM pg_stat_activity WHERE query LIKE 'INSERT INTO list_version_items%' AND state <> 'idle'`,
        )
      ).length === 0,
  );
  const afterKill = await versions();
  assert.deepEqual(afterKill, before, 'exactly the previous version, nothing of the interrupted one');
  const orphans = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM list_version_items WHERE source_id = 'us-ofac-sdn' AND version <> 1`,
  );
  assert.equal(orphans[0]!.n, 0);

  await svc.start();
  assert.equal(await finds(svc.baseUrl, svc.adminKey, 'NORDLICHT HANDELS GMBH', '91003'), true);
  // After the restart every visible version is complete: the previous one, or (if the queue re-ran the
  // stalled job) a whole new one.
  for (const v of await versions()) assert.equal(v.items, v.total, `version ${v.version} is complete`);
  const tally = await load.stop();
  assert.deepEqual(tally.contractViolations, []);
  assert.deepEqual(
    [...tally.byStatus].filter(([s]) => s !== 200),
    [],
  );
  const audit = await missingFromAudit(db.url, tally.okIds);
  assert.deepEqual(audit.notAudited, []);
  reportFaults(
    figuresOf(
      'kill -9 during a refresh of a big file',
      tally,
      audit.notAudited,
      `invented OFAC-format file of ${BIG + 3} rows; SIGKILL while the version's entries were being inserted; after the kill: ${afterKill.map((v) => `v${v.version} ${v.status} ${v.items}/${v.total}`).join(', ')} — the previous version active, no trace of the interrupted one; screening served again after the restart`,
    ),
    (m) => t.diagnostic(m),
  );
});
