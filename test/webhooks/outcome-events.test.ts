import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verify } from '../../src/webhooks/signature.ts';
import { startWebhookWorker } from '../../workers/webhook-worker.ts';
import { assertContract, assertSchema } from '../support/contract.ts';
import {
  FIXTURE_BLOCKED_SHIPMENT,
  type ScreeningTestApp,
  startScreeningApp,
} from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { eventually, startReceiver } from './receiver.ts';

// The ERP side of issue 23: an order held at `review`/`block` waits for an officer; the ERP must hear the outcome.
let t: ScreeningTestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let worker: { close(): Promise<void> };

before(async () => {
  t = await startScreeningApp({ env: { WEBHOOK_RETRY_BASE_MS: '100', OUTBOUND_ALLOW_PRIVATE: 'true' } });
  receiver = await startReceiver();
  worker = startWebhookWorker(t.container);
});
after(async () => {
  await worker?.close();
  await receiver?.close();
  await t?.close();
});

const post = (path: string, body: object) => t.http().post(path).set(bearer(t.adminKey)).send(body);

test('an ERP receiver gets a signed screening.resolved with the outcome once the last finding is resolved, and only the events it chose', async () => {
  const put = await t
    .http()
    .put('/webhooks')
    .set(bearer(t.adminKey))
    .send({
      url: receiver.url,
      events: ['screening.resolved'],
    });
  assertContract(put, 'putWebhook');
  assert.deepEqual(put.body.events, ['screening.resolved']);
  const secret = put.body.secret as string;

  const screened = await post('/screen', FIXTURE_BLOCKED_SHIPMENT);
  assert.equal(screened.status, 200, screened.text);
  const open = (screened.body.findings as { id: string; severity: string }[]).filter(
    (f) => f.severity === 'block' || f.severity === 'review',
  );
  assert.ok(open.length >= 2, `the seed shipment raises several findings (${open.length})`);
  const review = (findingId: string, disposition: string) =>
    post(`/screenings/${screened.body.id}/reviews`, {
      findingId,
      disposition,
      note: `${disposition} by officer`,
    });

  // Escalating is not resolving, and the endpoint did not ask for screening.escalated: nothing is recorded.
  assertContract(await review(open[0]!.id, 'escalate'), 'createScreeningReview');
  for (const f of open.slice(0, -1)) assert.equal((await review(f.id, 'true_match')).status, 201);
  const before = await t.http().get('/webhooks/deliveries').set(bearer(t.adminKey));
  assert.deepEqual(before.body.items, [], 'no event before the last finding is disposed of');

  assert.equal((await review(open.at(-1)!.id, 'true_match')).status, 201);
  const delivered = await eventually(() => receiver.received[0], 'the screening.resolved delivery');
  const timestamp = String(delivered.headers['x-tradescreen-timestamp']);
  assert.ok(verify(secret, timestamp, delivered.body, String(delivered.headers['x-tradescreen-signature'])));
  const body = JSON.parse(delivered.body);
  assert.equal(body.event, 'screening.resolved');
  assertSchema(body.data, 'ScreeningResolvedEvent');
  assert.equal(body.data.screeningId, screened.body.id);
  assert.equal(body.data.reference, 'PO-1');
  assert.equal(body.data.outcome, 'block');
  for (const f of open)
    assert.equal(body.data.findings.find((g: { id: string }) => g.id === f.id).disposition, 'true_match');

  // A later review of an already-resolved screening does not announce it again.
  assert.equal((await review(open[0]!.id, 'true_match')).status, 201);
  const all = await t.http().get('/webhooks/deliveries').set(bearer(t.adminKey));
  assertContract(all, 'listWebhookDeliveries');
  assert.deepEqual(
    all.body.items.map((d: { event: string }) => d.event),
    ['screening.resolved'],
  );
});

test('an endpoint taking every event also hears screening.escalated', async () => {
  const put = await t.http().put('/webhooks').set(bearer(t.adminKey)).send({ url: receiver.url });
  assert.equal(put.body.events, null);
  const already = receiver.received.length;
  const screened = await post('/screen', { ...FIXTURE_BLOCKED_SHIPMENT, reference: 'PO-2' });
  const finding = (screened.body.findings as { id: string; severity: string }[]).find(
    (f) => f.severity === 'block',
  )!;
  const res = await post(`/screenings/${screened.body.id}/reviews`, {
    findingId: finding.id,
    disposition: 'escalate',
    note: 'needs the MLRO',
  });
  assert.equal(res.status, 201);
  const got = await eventually(() => receiver.received[already], 'the screening.escalated delivery');
  const body = JSON.parse(got.body);
  assert.equal(body.event, 'screening.escalated');
  assert.equal(body.data.reference, 'PO-2');
  assert.equal(body.data.findingId, finding.id);
  assert.equal(body.data.note, 'needs the MLRO');
});

test('an unknown event name is a 400 naming it', async () => {
  const res = await t
    .http()
    .put('/webhooks')
    .set(bearer(t.adminKey))
    .send({ url: receiver.url, events: ['screening.deleted'] });
  assertContract(res, 'putWebhook');
  assert.equal(res.status, 400);
  assert.match(res.text, /events/);
});
