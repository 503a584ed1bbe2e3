import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { assertContract, assertProblem } from '../support/contract.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

// GET /metrics was readable by anyone who could reach the API port. Now: off without METRICS_TOKEN, and with
// one only that token opens it — not a tenant's API key, not a near miss.
describe('/metrics with METRICS_TOKEN set', () => {
  const token = randomBytes(24).toString('hex');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ METRICS_TOKEN: token });
  });
  after(async () => {
    await t?.close();
  });

  test('the token opens it', async () => {
    await t.http().get('/healthz');
    const res = await t.http().get('/metrics').set(bearer(token));
    assert.equal(res.status, 200);
    assertContract(res, 'getMetrics');
    assert.match(res.text, /tradescreen_http_requests_total\{method="GET",route="\/healthz",status="200"\}/);
  });

  test('no Authorization header: 401 problem+json with a Bearer challenge, no metrics', async () => {
    const res = await t.http().get('/metrics');
    assertProblem(res, 401);
    assertContract(res, 'getMetrics');
    assert.equal(res.headers['www-authenticate'], 'Bearer');
    assert.doesNotMatch(res.text, /tradescreen_http/);
  });

  test('a wrong token, the token with a character more or less, and an all-scopes API key: 401', async () => {
    for (const wrong of [randomBytes(24).toString('hex'), `${token}x`, token.slice(0, -1), t.adminKey]) {
      const res = await t.http().get('/metrics').set(bearer(wrong));
      assertProblem(res, 401);
      assert.doesNotMatch(res.text, /tradescreen_http/);
    }
    const basic = await t.http().get('/metrics').set('Authorization', `Basic ${token}`);
    assertProblem(basic, 401);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  test('is off: 404 problem+json whatever the request carries', async () => {
    for (const headers of [{}, bearer(t.adminKey), bearer('')]) {
      const res = await t.http().get('/metrics').set(headers);
      const body = assertProblem(res, 404);
      assertContract(res, 'getMetrics');
      assert.match(String(body.detail), /METRICS_TOKEN/);
      assert.doesNotMatch(res.text, /tradescreen_http/);
    }
  });
});

test('a METRICS_TOKEN too short or with spaces is a configuration error listed with the others', () => {
  for (const bad of ['short', `${'a'.repeat(31)}`, `${'a'.repeat(20)} ${'b'.repeat(20)}`]) {
    assert.throws(
      () => loadConfig({ METRICS_TOKEN: bad, PORT: 'eighty' }),
      (err: Error) =>
        err instanceof ConfigError &&
        err.problems.some((p) => p.startsWith('METRICS_TOKEN must be')) &&
        err.problems.some((p) => p.startsWith('PORT must be')),
    );
  }
  assert.equal(loadConfig({ METRICS_TOKEN: 'a'.repeat(32) }).metricsToken, 'a'.repeat(32));
  assert.equal(loadConfig({}).metricsToken, undefined);
});
