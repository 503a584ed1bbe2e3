import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withTransaction } from '../../src/db/transaction.ts';
import { deliverWebhook } from '../../src/webhooks/deliver.ts';
import { assertContract } from '../support/contract.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';
import { startReceiver } from './receiver.ts';

// The default configuration: OUTBOUND_ALLOW_PRIVATE unset, so the SSRF guard is on.
let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

before(async () => {
  t = await startTestApp();
  receiver = await startReceiver();
});
after(async () => {
  await receiver?.close();
  await t?.close();
});

const put = async (url: string) => {
  const res = await t.http().put('/webhooks').set(bearer(t.adminKey)).send({ url });
  assertContract(res, 'putWebhook');
  return res;
};

describe('PUT /webhooks with the SSRF guard on', () => {
  const refused: [string, RegExp][] = [
    ['loopback', /loopback/],
    ['http://169.254.169.254/latest', /link-local/],
    ['http://[::ffff:127.0.0.1]/hook', /loopback.*IPv4-mapped/],
    ['http://2130706433/hook', /loopback/],
    ['http://10.0.0.8/hook', /private/],
    ['http://localhost:8080/hook', /localhost/],
    ['https://alice:secret@hooks.example.com/', /user name or password/],
  ];
  for (const [given, reason] of refused)
    test(`${given} → 400 naming /url`, async () => {
      const url = given === 'loopback' ? receiver.url : given;
      const res = await put(url);
      assert.equal(res.status, 400, res.text);
      assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
      assert.match(res.body.detail, reason);
      assert.deepEqual(
        res.body.errors.map((e: { in: string; pointer: string }) => [e.in, e.pointer]),
        [['body', '/url']],
      );
      const got = await t.http().get('/webhooks').set(bearer(t.adminKey));
      assertContract(got, 'getWebhook');
      assert.notEqual(got.body.url, url, 'a refused URL is not stored');
    });

  test('a public name is accepted', async () => {
    const res = await put('https://hooks.example.com/tradescreen');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.url, 'https://hooks.example.com/tradescreen');
  });
});

describe('delivery with the SSRF guard on', () => {
  test('a name resolving to loopback is refused at delivery, at once, reason in the delivery log', async () => {
    const who = await t.http().get('/whoami').set(bearer(t.adminKey));
    assertContract(who, 'getCurrentKey');
    const tenantId = who.body.tenantId as string;
    const webhooks = t.container.webhooks.service;
    // Registration refuses the name localhost; storing it directly stands for a public name whose DNS now
    // answers 127.0.0.1 (rebinding after registration), which only the delivery-time check can catch.
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    await webhooks.store.upsert(tenantId, url, 'whsec_test', null);
    const id = await withTransaction(t.container.pool, (client) =>
      webhooks.record(client, tenantId, 'alert.created', { test: true }),
    );
    assert.ok(id);

    // Not the last attempt, yet no retry: the outcome is final and nothing is thrown for the queue to retry.
    const outcome = await deliverWebhook(t.container.webhooks.deliverDeps, id, false);
    assert.deepEqual(outcome, { status: 'refused' });
    assert.equal(receiver.received.length, 0, 'nothing reached the loopback receiver');

    const res = await t.http().get('/webhooks/deliveries').set(bearer(t.adminKey));
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'listWebhookDeliveries');
    const d = res.body.items.find((x: { id: string }) => x.id === id);
    assert.ok(d, res.text);
    assert.equal(d.status, 'failed');
    assert.equal(d.attempts, 1);
    assert.equal(d.history.length, 1);
    assert.equal(d.history[0].statusCode, null);
    assert.match(d.history[0].error, /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback/);

    // A duplicate job (a sweep) finds the delivery settled and sends nothing.
    assert.deepEqual(await deliverWebhook(t.container.webhooks.deliverDeps, id, false), {
      status: 'skipped',
    });
    assert.equal(receiver.received.length, 0);
  });
});
