import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { refreshSource } from '../../../src/lists/refresh/refresh-source.ts';
import { assertContract } from '../../support/contract.ts';
import { bearer, startTestApp, type TestApp } from '../../support/test-app.ts';

// The fixture says OFAC published it on 2025-03-14: long past the SDN file's limit on any date this test runs.
const FIXTURE = join(import.meta.dirname, '../../fixtures/us-ofac-sdn/xml/sdn.xml');

let t: TestApp;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tradescreen-stale-'));
  await copyFile(FIXTURE, join(dir, 'sdn.xml'));
  t = await startTestApp({ LISTS_ENABLED: 'us-ofac-sdn', LIST_SOURCE_US_OFAC_SDN: dir });
  const source = t.container.lists.catalog.get('us-ofac-sdn')!;
  const outcome = await refreshSource(t.container.lists.refreshDeps, source);
  assert.equal(outcome.outcome, 'activated', outcome.detail ?? undefined);
  await t.container.lists.active.refresh();
});

after(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

test('GET /lists: a version published past its limit is stale, with the reason, though just fetched', async () => {
  const res = await t.http().get('/lists').set(bearer(t.adminKey));
  assertContract(res, 'listSources');
  const sdn = res.body.items.find((s: { id: string }) => s.id === 'us-ofac-sdn');
  assert.equal(sdn.activeVersion.publishedAt.slice(0, 10), '2025-03-14');
  assert.equal(sdn.stale, true);
  assert.match(sdn.staleReason, /published 2025-03-14/);
});

test('/readyz stays ready (old data still screens) but says degraded and names the stale source', async () => {
  const res = await t.http().get('/readyz');
  assertContract(res, 'getReadiness');
  assert.equal(res.status, 200);
  assert.equal(res.body.degraded, true);
  const lists = res.body.checks.find((c: { name: string }) => c.name === 'lists');
  assert.equal(lists.degraded, true);
  assert.match(lists.detail, /us-ofac-sdn published 2025-03-14/);
});

test('a screening against the stale version carries a list_coverage finding naming it', async () => {
  const res = await t
    .http()
    .post('/screen')
    .set(bearer(t.adminKey))
    .send({ parties: [{ role: 'consignee', kind: 'organization', name: 'Blue Harbour Trading' }] });
  assertContract(res, 'screen');
  assert.equal(res.status, 200);
  const stale = res.body.findings.filter((f: { id: string }) => f.id === 'list_coverage:us-ofac-sdn:stale');
  assert.equal(stale.length, 1);
  assert.equal(stale[0].severity, 'info');
  assert.match(stale[0].reason, /published 2025-03-14/);
});
