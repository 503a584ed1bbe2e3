import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { monitorVersion } from '../../src/monitoring/monitor-version.ts';
import { verify } from '../../src/webhooks/signature.ts';
import { startMonitoringWorker } from '../../workers/monitoring-worker.ts';
import { startWebhookWorker } from '../../workers/webhook-worker.ts';
import { assertContract } from '../support/contract.ts';
import { FIXTURE_SDN_ROWS, type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { eventually, startReceiver } from '../webhooks/receiver.ts';

const sdnRow = (id: number, name: string) =>
  `${id},"${name}",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `;

let t: ScreeningTestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let workers: { close(): Promise<void> }[];
let tenantB: { id: string; key: string };
let secret: string;
const rows = [...FIXTURE_SDN_ROWS];

before(async () => {
  // Retries 100 ms, 200 ms, … so a 500-then-200 delivery settles within the test's polling bound; the
  // receiver listens on 127.0.0.1, which the SSRF guard refuses unless private destinations are allowed.
  t = await startScreeningApp({ env: { WEBHOOK_RETRY_BASE_MS: '100', OUTBOUND_ALLOW_PRIVATE: 'true' } });
  receiver = await startReceiver();
  workers = [startMonitoringWorker(t.container), startWebhookWorker(t.container)];
  const b = await createTenantService(t.container.pool, t.container.keys).create('monitor-b', 'Tenant B');
  tenantB = { id: b.tenantId, key: b.key.key };
});
after(async () => {
  for (const w of workers ?? []) await w.close();
  await receiver?.close();
  await t?.close();
});

const as = (key: string) => ({
  get: (path: string) => t.http().get(path).set(bearer(key)),
  post: (path: string, body: object) => t.http().post(path).set(bearer(key)).send(body),
  put: (path: string, body: object) => t.http().put(path).set(bearer(key)).send(body),
  delete: (path: string) => t.http().delete(path).set(bearer(key)),
});

/** Adds rows to the invented SDN file and activates the new version through the real refresh pipeline. */
async function publish(...added: string[]): Promise<number> {
  rows.push(...added);
  await writeFile(join(t.sdnDir, 'sdn.csv'), `${rows.join('\r\n')}\r\n\u001a`);
  const source = t.container.lists.catalog.get('us-ofac-sdn')!;
  const outcome = await refreshSource(t.container.lists.refreshDeps, source);
  assert.equal(outcome.outcome, 'activated', outcome.detail ?? '');
  return outcome.version!;
}

async function alertsOf(key: string) {
  const res = await as(key).get('/alerts');
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'listAlerts');
  return res.body.items as {
    id: string;
    partyId: string;
    reviewStatus: string;
    finding: { id: string; kind: string; source: string; entry: { id: string } };
    listVersion: { source: string; version: number };
  }[];
}

const runOf = async (version: number) =>
  (
    await t.container.pool.query(
      `SELECT parties, alerts FROM monitoring_runs WHERE source_id = 'us-ofac-sdn' AND version = $1`,
      [version],
    )
  ).rows[0] as { parties: number; alerts: number } | undefined;

describe('ongoing monitoring', () => {
  let alertId: string;
  let bAlertId: string;
  let bPartyId: string;

  test('a monitored party matched by an added entry → alert, audit event and a signed webhook', async () => {
    const put = await as(t.adminKey).put('/webhooks', { url: receiver.url });
    assert.equal(put.status, 200, put.text);
    assertContract(put, 'putWebhook');
    secret = put.body.secret;
    assert.match(secret, /^whsec_[0-9a-f]{64}$/);
    const got = await as(t.adminKey).get('/webhooks');
    assert.equal(got.status, 200);
    assertContract(got, 'getWebhook');
    assert.equal(got.body.url, receiver.url);
    assert.equal(got.body.secret, undefined, 'the secret is shown once only');

    const party = { name: 'Globex Shadow Trading LLC', kind: 'organization', country: 'AE' };
    const screened = await as(t.adminKey).post('/screen', { parties: [party], options: { monitor: true } });
    assert.equal(screened.status, 200, screened.text);
    assertContract(screened, 'screen');
    assert.equal(screened.body.decision, 'clear');
    const listed = await as(t.adminKey).get('/monitored-parties');
    assertContract(listed, 'listMonitoredParties');
    assert.deepEqual(
      listed.body.items.map((p: { party: { name: string } }) => p.party.name),
      ['Globex Shadow Trading LLC'],
    );
    const bParty = await as(tenantB.key).post('/monitored-parties', party);
    assert.equal(bParty.status, 201, bParty.text);
    assertContract(bParty, 'createMonitoredParty');
    bPartyId = bParty.body.id;

    const version = await publish(sdnRow(91004, 'GLOBEX SHADOW TRADING LLC'));
    // Through the real queue: the activation notice → sweep → monitoring job → webhook job.
    const [alert] = await eventually(async () => {
      const a = await alertsOf(t.adminKey);
      return a.length > 0 && a;
    }, 'an alert');
    alertId = alert!.id;
    assert.equal(alert!.finding.kind, 'party_match');
    assert.equal(alert!.finding.source, 'us-ofac-sdn');
    assert.equal(alert!.finding.entry.id, '91004');
    assert.equal(alert!.listVersion.version, version);
    assert.equal(alert!.partyId, listed.body.items[0].id);

    const delivered = await eventually(() => receiver.received[0], 'a webhook delivery');
    const timestamp = String(delivered.headers['x-tradescreen-timestamp']);
    const signature = String(delivered.headers['x-tradescreen-signature']);
    assert.match(signature, /^v1=[0-9a-f]{64}$/);
    assert.ok(verify(secret, timestamp, delivered.body, signature), 'the signature verifies with the secret');
    assert.ok(!verify(secret, timestamp, `${delivered.body} `, signature), 'a changed body does not verify');
    assert.ok(Math.abs(Date.now() / 1000 - Number(timestamp)) < 300);
    const payload = JSON.parse(delivered.body);
    assert.equal(payload.event, 'alert.created');
    assert.equal(payload.data.id, alertId);
    assert.equal(payload.data.party.name, 'Globex Shadow Trading LLC');

    const audit = await t.container.pool.query(
      `SELECT tenant_id FROM audit_events WHERE type = 'alert.created' AND payload->>'alertId' = $1`,
      [alertId],
    );
    assert.equal(audit.rows.length, 1);
    const bAlerts = await eventually(async () => {
      const a = await alertsOf(tenantB.key);
      return a.length > 0 && a;
    }, "tenant B's alert");
    bAlertId = bAlerts[0]!.id;
    assert.notEqual(bAlertId, alertId);
    assert.equal(receiver.received.length, 1, "tenant B has no webhook: nothing of B's reaches A's endpoint");

    // A rerun of the same job (called directly) raises nothing new: alerts are unique per entry content.
    await t.container.pool.query(
      `DELETE FROM monitoring_runs WHERE source_id = 'us-ofac-sdn' AND version = $1`,
      [version],
    );
    const rerun = await monitorVersion(t.container.monitoring.monitorDeps, {
      sourceId: 'us-ofac-sdn',
      version,
    });
    assert.equal(rerun.alerts, 0);
    assert.equal(rerun.parties, 2);
    assert.equal((await alertsOf(t.adminKey)).length, 1);
  });

  test('a version that adds nothing matching raises nothing', async () => {
    const before = (await alertsOf(t.adminKey)).length;
    const deliveriesBefore = receiver.received.length;
    const version = await publish(sdnRow(91005, 'COMPLETELY UNRELATED MARITIME SA'));
    const run = await eventually(() => runOf(version), 'the monitoring run of the new version');
    assert.deepEqual(run, { parties: 2, alerts: 0 });
    assert.equal((await alertsOf(t.adminKey)).length, before);
    assert.equal(receiver.received.length, deliveriesBefore);
  });

  test('a receiver answering 500 then 200 → retried and delivered, every attempt in the log', async () => {
    const party = await as(t.adminKey).post('/monitored-parties', {
      name: 'Borealis Freight Forwarding OOO',
    });
    assert.equal(party.status, 201, party.text);
    receiver.answer(500);
    const already = receiver.received.length;
    await publish(sdnRow(91006, 'BOREALIS FREIGHT FORWARDING OOO'));
    await eventually(() => receiver.received.length >= already + 2, 'a retried delivery', 30_000);
    assert.equal(receiver.received[already]!.answered, 500);
    assert.equal(receiver.received[already + 1]!.answered, 200);
    assert.equal(receiver.received[already]!.body, receiver.received[already + 1]!.body);
    const res = await eventually(async () => {
      const r = await as(t.adminKey).get('/webhooks/deliveries');
      return r.body.items?.[0]?.status === 'delivered' && r;
    }, 'the delivery log to say delivered');
    assertContract(res, 'listWebhookDeliveries');
    const [latest] = res.body.items;
    assert.equal(latest.event, 'alert.created');
    assert.equal(latest.attempts, 2);
    assert.equal(latest.lastStatusCode, 200);
    assert.deepEqual(
      latest.history.map((h: { statusCode: number }) => h.statusCode),
      [500, 200],
    );
    assert.equal(latest.history[0].error, 'HTTP 500');
  });

  test('alert reviews: disposition + note; status follows the latest review', async () => {
    const alert = (await alertsOf(t.adminKey)).find((a) => a.id === alertId)!;
    const wrong = await as(t.adminKey).post(`/alerts/${alertId}/reviews`, {
      findingId: 'party:9:x:y',
      disposition: 'escalate',
      note: 'n',
    });
    assert.equal(wrong.status, 400);
    assertContract(wrong, 'createAlertReview');
    const esc = await as(t.adminKey).post(`/alerts/${alertId}/reviews`, {
      findingId: alert.finding.id,
      disposition: 'escalate',
      note: 'Same trade name as our Dubai customer; asking the branch.',
    });
    assert.equal(esc.status, 201, esc.text);
    assertContract(esc, 'createAlertReview');
    assert.equal(esc.body.disposition, 'escalate');
    const statusOf = async () => (await alertsOf(t.adminKey)).find((a) => a.id === alertId)!;
    assert.equal((await statusOf()).reviewStatus, 'in_review');
    const done = await as(t.adminKey).post(`/alerts/${alertId}/reviews`, {
      findingId: alert.finding.id,
      disposition: 'true_match',
      note: 'Confirmed: same registration.',
    });
    assert.equal(done.status, 201);
    assert.equal((await statusOf()).reviewStatus, 'resolved');
    // The escalation kept it open; the true match resolved it, and the endpoint hears alert.resolved once.
    const resolvedOf = () =>
      receiver.received
        .map((r) => JSON.parse(r.body))
        .filter((b) => b.event === 'alert.resolved' && b.data.alertId === alertId);
    const resolved = await eventually(
      () => resolvedOf().length > 0 && resolvedOf(),
      'the alert.resolved delivery',
    );
    assert.equal(resolved.length, 1);
    assert.equal(resolved[0].data.disposition, 'true_match');
    assert.equal(resolved[0].data.partyId, alert.partyId);
    const audit = await t.container.pool.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE type = 'alert.reviewed' AND payload->>'alertId' = $1`,
      [alertId],
    );
    assert.equal(audit.rows[0].n, 2);
  });

  test("tenant A reads none of tenant B's alerts, monitored parties, watchlists or webhooks", async () => {
    const aAlerts = await alertsOf(t.adminKey);
    assert.ok(!aAlerts.some((a) => a.id === bAlertId));
    const review = await as(t.adminKey).post(`/alerts/${bAlertId}/reviews`, {
      findingId: 'x',
      disposition: 'false_positive',
      note: 'not ours',
    });
    assert.equal(review.status, 404);
    assertContract(review, 'createAlertReview');

    const parties = await as(t.adminKey).get('/monitored-parties');
    assert.ok(!parties.body.items.some((p: { id: string }) => p.id === bPartyId));
    const del = await as(t.adminKey).delete(`/monitored-parties/${bPartyId}`);
    assert.equal(del.status, 404);
    assertContract(del, 'deleteMonitoredParty');
    assert.ok(
      (await as(tenantB.key).get('/monitored-parties')).body.items.some(
        (p: { id: string }) => p.id === bPartyId,
      ),
    );

    const wl = await as(tenantB.key).post('/watchlists', { name: 'B private list' });
    assert.equal(wl.status, 201);
    const aLists = await as(t.adminKey).get('/watchlists');
    assertContract(aLists, 'listWatchlists');
    assert.ok(!aLists.body.items.some((w: { id: string }) => w.id === wl.body.id));
    const delList = await as(t.adminKey).delete(`/watchlists/${wl.body.id}`);
    assert.equal(delList.status, 404);
    assertContract(delList, 'deleteWatchlist');
    const upload = await t
      .http()
      .put(`/watchlists/${wl.body.id}/entries`)
      .set(bearer(t.adminKey))
      .set('Content-Type', 'text/csv')
      .send('id,name\nX1,Injected Name Ltd\n');
    assert.equal(upload.status, 404);
    assertContract(upload, 'uploadWatchlistEntries');

    // B has no endpoint while A has one; B's delivery log holds none of A's deliveries.
    const bHook = await as(tenantB.key).get('/webhooks');
    assert.equal(bHook.status, 404);
    assertContract(bHook, 'getWebhook');
    const bDeliveries = await as(tenantB.key).get('/webhooks/deliveries');
    assertContract(bDeliveries, 'listWebhookDeliveries');
    assert.deepEqual(bDeliveries.body.items, []);
    assert.ok((await as(t.adminKey).get('/webhooks/deliveries')).body.items.length >= 2);
  });
});
