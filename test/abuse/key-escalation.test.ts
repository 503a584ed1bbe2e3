import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { TENANT_SCOPES } from '../../src/principal/scopes.ts';
import { assertContract } from '../support/contract.ts';
import { bearer } from '../support/test-app.ts';
import { type AbuseApp, assertHandled, startAbuseApp } from './support/abuse-app.ts';

/**
 * Issue 18, item 2: a key holding only `keys:admin` created a key with every scope. A key is now the ceiling of
 * every key it makes — scopes and rate limit — and `operator` is never granted through the API.
 */
let t: AbuseApp;
before(async () => {
  t = await startAbuseApp();
});
after(async () => {
  await t?.close();
});

async function createKey(by: string, body: object) {
  const res = await t.request().post('/keys').set(bearer(by)).send(body);
  assertHandled(res, 'createApiKey', JSON.stringify(body));
  return res;
}

/** Every key of the caller's tenant, by name: what a refused request must not have added to. */
async function keyNames(by: string): Promise<string[]> {
  const res = await t.request().get('/keys').set(bearer(by));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'listApiKeys');
  return res.body.items.map((k: { name: string }) => k.name);
}

async function keyWith(scopes: string[], rateLimitPerSecond?: number): Promise<string> {
  const res = await createKey(t.adminKey, {
    name: `holder ${randomUUID()}`,
    scopes,
    ...(rateLimitPerSecond ? { rateLimitPerSecond } : {}),
  });
  assert.equal(res.status, 201, res.text);
  return res.body.key;
}

describe('key escalation', () => {
  test('a keys:admin-only key cannot mint a key with more scopes: 403 naming what it lacks, nothing created', async () => {
    const admin = await keyWith(['keys:admin']);
    const before = await keyNames(t.adminKey);
    const res = await createKey(admin, { name: 'escalated', scopes: [...TENANT_SCOPES] });
    assert.equal(res.status, 403, res.text);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.equal(
      res.body.detail,
      'This API key cannot grant scopes it does not hold: it lacks "screen", "audit:read", "review", "lists:admin", "licences:admin"',
    );
    const one = await createKey(admin, { name: 'escalated', scopes: ['keys:admin', 'screen'] });
    assert.equal(one.status, 403, one.text);
    assert.match(one.body.detail, /lacks "screen"$/);
    assert.deepEqual(await keyNames(t.adminKey), before);

    // Positive control: within its ceiling it may still make keys.
    const same = await createKey(admin, { name: 'peer admin', scopes: ['keys:admin'] });
    assert.equal(same.status, 201, same.text);
    assert.deepEqual(same.body.scopes, ['keys:admin']);
  });

  test('a made key cannot climb back: a key made by a narrow key is as narrow', async () => {
    const narrow = await keyWith(['keys:admin', 'screen']);
    const child = await createKey(narrow, { name: 'child', scopes: ['keys:admin'] });
    assert.equal(child.status, 201, child.text);
    const grandchild = await createKey(child.body.key, { name: 'grandchild', scopes: ['screen'] });
    assert.equal(grandchild.status, 403, grandchild.text);
    assert.match(grandchild.body.detail, /lacks "screen"/);
  });

  test('a rate-limited key cannot mint a faster or an unlimited key', async () => {
    const limited = await keyWith(['keys:admin', 'screen'], 10);
    const before = await keyNames(t.adminKey);
    const faster = await createKey(limited, { name: 'faster', scopes: ['screen'], rateLimitPerSecond: 11 });
    assert.equal(faster.status, 403, faster.text);
    assert.match(faster.body.detail, /limited to 10 requests per second and cannot grant 11/);
    const unlimited = await createKey(limited, { name: 'unlimited', scopes: ['screen'] });
    assert.equal(unlimited.status, 403, unlimited.text);
    assert.match(unlimited.body.detail, /needs rateLimitPerSecond of at most that/);
    assert.deepEqual(await keyNames(t.adminKey), before);

    const slower = await createKey(limited, { name: 'slower', scopes: ['screen'], rateLimitPerSecond: 10 });
    assert.equal(slower.status, 201, slower.text);
    assert.equal(slower.body.rateLimitPerSecond, 10);
  });

  test('operator is never granted through POST /keys, not even by the bootstrap key that holds it', async () => {
    const whoami = await t.request().get('/whoami').set(bearer(t.adminKey));
    assert.ok(whoami.body.scopes.includes('operator'), 'the bootstrap key is the operator');
    for (const scopes of [['operator'], [...TENANT_SCOPES, 'operator']]) {
      const res = await createKey(t.adminKey, { name: 'operator?', scopes });
      assert.equal(res.status, 403, res.text);
      assert.match(res.body.detail, /"operator" scope is never granted through the API/);
    }
    const { rows } = await t.container.pool.query(
      `SELECT id FROM api_keys WHERE 'operator' = ANY (scopes) ORDER BY id`,
    );
    assert.deepEqual(
      rows.map((r) => r.id),
      ['key_bootstrap_admin'],
    );
  });

  test("a tenant's first key holds every tenant scope and not operator; the database refuses operator there", async () => {
    const b = await createTenantService(t.container.pool, t.container.keys).create(
      `esc-${randomUUID().slice(0, 8)}`,
      'Tenant B',
    );
    const whoami = await t.request().get('/whoami').set(bearer(b.key.key));
    assert.equal(whoami.status, 200);
    assertContract(whoami, 'getCurrentKey');
    assert.deepEqual(whoami.body.scopes, [...TENANT_SCOPES]);
    // Behind the API's refusal: migration 0030's CHECK keeps operator keys in the operator's house tenant.
    await assert.rejects(
      t.container.pool.query(`UPDATE api_keys SET scopes = scopes || '{operator}' WHERE id = $1`, [b.key.id]),
      /api_keys_operator_only_in_house_tenant/,
    );
  });

  test("a tenant administrator of the house tenant cannot revoke the operator's key", async () => {
    const admin = await keyWith([...TENANT_SCOPES]);
    const res = await t.request().delete('/keys/key_bootstrap_admin').set(bearer(admin));
    assertHandled(res, 'revokeApiKey');
    assert.equal(res.status, 403, res.text);
    assert.match(res.body.detail, /Revoking an operator key needs the "operator" scope/);
    const still = await t.request().get('/whoami').set(bearer(t.adminKey));
    assert.equal(still.status, 200);
  });
});
