import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract, assertProblem } from '../support/contract.ts';
import { bearer, newAdminSecret, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const METRICS_TOKEN = newAdminSecret(); // any 32+ character token; test/ops/metrics-access.test.ts covers access
before(async () => {
  t = await startTestApp({ METRICS_TOKEN });
});
after(async () => {
  await t?.close();
});

describe('operations endpoints', () => {
  test('healthz and readyz answer without a key and match the contract', async () => {
    const health = await t.http().get('/healthz');
    assert.equal(health.status, 200);
    assertContract(health, 'getHealth');
    const ready = await t.http().get('/readyz');
    assertContract(ready, 'getReadiness');
    const names = ready.body.checks.map((c: { name: string }) => c.name);
    assert.ok(names.includes('database') && names.includes('migrations'));
    assert.equal(ready.body.checks.find((c: { name: string }) => c.name === 'migrations').ok, true);
  });

  test('metrics expose request counts and latency by route template', async () => {
    await t.http().get('/healthz');
    const res = await t.http().get('/metrics').set(bearer(METRICS_TOKEN));
    assert.equal(res.status, 200);
    assert.match(
      res.text,
      /tradescreen_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    assert.match(res.text, /tradescreen_http_request_duration_seconds_bucket/);
    assert.match(res.text, /tradescreen_db_pool_connections\{state="total"\}/);
  });

  test('docs are served offline with the spec', async () => {
    const page = await t.http().get('/docs/');
    assert.equal(page.status, 200);
    assert.match(page.text, /swagger-ui/);
    const init = await t.http().get('/docs/swagger-initializer.js');
    assert.match(init.text, /\/openapi\.yaml/);
    const spec = await t.http().get('/openapi.yaml');
    assert.match(spec.text, /^openapi: 3\.1/);
  });

  test('every response carries a request id, echoed when the client sends a safe one', async () => {
    const mine = await t.http().get('/healthz').set('X-Request-Id', 'erp-order-42');
    assert.equal(mine.headers['x-request-id'], 'erp-order-42');
    const injected = await t.http().get('/healthz').set('X-Request-Id', 'bad id\twith spaces');
    assert.notEqual(injected.headers['x-request-id'], 'bad id\twith spaces');
    assert.match(String(injected.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  test('security headers are set', async () => {
    const res = await t.http().get('/healthz');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['content-security-policy']);
    assert.equal(res.headers['x-powered-by'], undefined);
  });
});

describe('bad input gets a documented 4xx problem, never a 500', () => {
  test('unknown route → 404', async () => {
    assertProblem(await t.http().get('/nope'), 404);
  });

  test('malformed JSON → 400', async () => {
    const res = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .set('Content-Type', 'application/json')
      .send('{"name": "x", scopes: }');
    assertContract(res, 'createApiKey');
    assert.equal(res.status, 400);
    assert.match(res.body.detail ?? JSON.parse(res.text).detail, /not valid JSON/);
  });

  test('wrong type and unknown field → 400 listing each failing field by JSON pointer', async () => {
    const res = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .send({ name: 42, scopes: ['screen', 'launch-missiles'], extra: true });
    assert.equal(res.status, 400);
    assertContract(res, 'createApiKey');
    const errors = JSON.parse(res.text).errors as { in: string; pointer: string }[];
    const pointers = errors.map((e) => e.pointer).sort();
    assert.deepEqual(pointers, ['/extra', '/name', '/scopes/1']);
    assert.ok(errors.every((e) => e.in === 'body'));
  });

  test('wrong content type → 415', async () => {
    const res = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .set('Content-Type', 'text/plain')
      .send('name=x');
    assert.equal(res.status, 415);
    assertProblem(res, 415);
  });

  test('a 5 MiB body → 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024), scopes: ['screen'] });
    const res = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .set('Content-Type', 'application/json')
      .send(big);
    assertProblem(res, 413);
  });

  test('unknown query parameter → 400 naming it', async () => {
    const res = await t.http().get('/keys?limt=5').set(bearer(t.adminKey));
    assertProblem(res, 400);
    assert.equal(JSON.parse(res.text).errors[0].pointer, '/limt');
  });
});

describe('API keys, scopes and tenants', () => {
  test('missing key → 401; malformed header → 401; unknown key → 401', async () => {
    assertContract(await t.http().get('/keys'), 'listApiKeys');
    assert.equal((await t.http().get('/keys')).status, 401);
    assert.equal((await t.http().get('/keys').set('Authorization', 'Basic abc')).status, 401);
    const unknown = await t.http().get('/keys').set(bearer('ts_live_thisKeyWasNeverIssuedToAnyone123'));
    assert.equal(unknown.status, 401);
    assert.equal(unknown.headers['www-authenticate'], 'Bearer');
  });

  test('setting another TRADESCREEN_ADMIN_KEY rotates the bootstrap key', async () => {
    const app = await startTestApp();
    try {
      const rotated = newAdminSecret();
      await app.container.keys.ensureBootstrapKey(rotated);
      assert.equal((await app.http().get('/keys').set(bearer(rotated))).status, 200);
      assert.equal((await app.http().get('/keys').set(bearer(app.adminKey))).status, 401);
    } finally {
      await app.close();
    }
  });

  test('GET /whoami tells any valid key its tenant and scopes', async () => {
    const created = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .send({ name: 'who', scopes: ['review'] });
    const res = await t.http().get('/whoami').set(bearer(created.body.key));
    assert.equal(res.status, 200);
    assertContract(res, 'getCurrentKey');
    assert.deepEqual(res.body, { keyId: created.body.id, tenantId: 'default', scopes: ['review'] });
    assert.equal((await t.http().get('/whoami')).status, 401);
  });

  test('created key is shown once, stored as a hash, works, and lacks scopes it was not given', async () => {
    const created = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .send({ name: 'erp', scopes: ['screen'] });
    assert.equal(created.status, 201);
    assertContract(created, 'createApiKey');
    assert.match(created.body.key, /^ts_live_/);
    const stored = await t.container.pool.query('SELECT secret_hash FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    assert.equal(stored.rows[0].secret_hash.length, 32);
    assert.ok(!stored.rows[0].secret_hash.toString('latin1').includes(created.body.key));

    const listed = await t.http().get('/keys').set(bearer(t.adminKey));
    assertContract(listed, 'listApiKeys');
    const mine = listed.body.items.find((k: { id: string }) => k.id === created.body.id);
    assert.equal(mine.key, undefined);
    assert.equal(mine.prefix, created.body.key.slice(0, 12));

    const forbidden = await t.http().get('/keys').set(bearer(created.body.key));
    assert.equal(forbidden.status, 403);
    assertContract(forbidden, 'listApiKeys');
  });

  test('a revoked key → 401, and the revocation is in the audit log', async () => {
    const created = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .send({ name: 'tmp', scopes: ['keys:admin'] });
    assert.equal((await t.http().get('/keys').set(bearer(created.body.key))).status, 200);
    const revoked = await t.http().delete(`/keys/${created.body.id}`).set(bearer(t.adminKey));
    assert.equal(revoked.status, 204);
    assertContract(revoked, 'revokeApiKey');
    const after = await t.http().get('/keys').set(bearer(created.body.key));
    assert.equal(after.status, 401);
    const audit = await t.container.pool.query(
      `SELECT type FROM audit_events WHERE payload->>'keyId' = $1 ORDER BY seq`,
      [created.body.id],
    );
    assert.deepEqual(
      audit.rows.map((r) => r.type),
      ['api_key.created', 'api_key.revoked'],
    );
  });

  test("another tenant's key id → 404, and its keys are not listed", async () => {
    const other = await createTenantService(t.container.pool, t.container.keys).create(
      'other-bank',
      'Other Bank',
    );
    const res = await t.http().delete(`/keys/${other.key.id}`).set(bearer(t.adminKey));
    assert.equal(res.status, 404);
    assertContract(res, 'revokeApiKey');
    const listed = await t.http().get('/keys').set(bearer(t.adminKey));
    assert.ok(!listed.body.items.some((k: { id: string }) => k.id === other.key.id));
    const theirs = await t.http().get('/keys').set(bearer(other.key.key));
    assert.deepEqual(
      theirs.body.items.map((k: { id: string }) => k.id),
      [other.key.id],
    );
  });

  test('a burst from one key is limited with Retry-After while another key is served', async () => {
    const limited = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .send({ name: 'slow', scopes: ['keys:admin'], rateLimitPerSecond: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await t.http().get('/keys').set(bearer(limited.body.key))).status);
    assert.ok(statuses.includes(429), `statuses ${statuses}`);
    const res429 = await t.http().get('/keys').set(bearer(limited.body.key));
    if (res429.status === 429) {
      assertContract(res429, 'listApiKeys');
      assert.ok(Number(res429.headers['retry-after']) >= 1);
    }
    assert.equal((await t.http().get('/keys').set(bearer(t.adminKey))).status, 200);
  });
});
