import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bearer } from '../support/test-app.ts';
import { type AbuseApp, assertHandled, startAbuseApp } from './support/abuse-app.ts';

/**
 * One abusive key is throttled on its own: a burst from a key limited to 2 requests a second gets 429 with
 * Retry-After, while another key of the same tenant, sending at the same moment, is served in full.
 */
let t: AbuseApp;
before(async () => {
  t = await startAbuseApp();
});
after(async () => {
  await t?.close();
});

async function newKey(name: string, rateLimitPerSecond?: number): Promise<string> {
  const res = await t
    .request()
    .post('/keys')
    .set(bearer(t.adminKey))
    .send({ name, scopes: ['screen'], ...(rateLimitPerSecond ? { rateLimitPerSecond } : {}) });
  assert.equal(res.status, 201, res.text);
  assertHandled(res, 'createApiKey');
  return res.body.key;
}

test('a burst from a limited key gets 429 + Retry-After; another key at the same time is served', async () => {
  const limited = await newKey('limited', 2);
  const normal = await newKey('normal');
  const BURST = 30;
  const send = (key: string, i: number) =>
    t
      .request()
      .post('/screen')
      .set(bearer(key))
      .send({ reference: `burst-${i}`, parties: [{ name: `Burst Customer ${i}` }] });
  const [fromLimited, fromNormal] = await Promise.all([
    Promise.all(Array.from({ length: BURST }, (_, i) => send(limited, i))),
    Promise.all(Array.from({ length: BURST }, (_, i) => send(normal, i))),
  ]);

  for (const res of [...fromLimited, ...fromNormal]) assertHandled(res, 'screen');
  const throttled = fromLimited.filter((r) => r.status === 429);
  const served = fromLimited.filter((r) => r.status === 200);
  assert.equal(throttled.length + served.length, BURST);
  assert.ok(throttled.length >= BURST / 2, `only ${throttled.length} of ${BURST} throttled`);
  assert.ok(served.length >= 1, 'the limit is a rate, not a ban');
  for (const r of throttled) {
    assert.match(String(r.headers['retry-after']), /^[1-9][0-9]*$/);
    assert.match(JSON.parse(r.text).detail, /Rate limit/);
  }
  assert.deepEqual(
    fromNormal.map((r) => r.status),
    Array(BURST).fill(200),
  );
});
