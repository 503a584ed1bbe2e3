import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type supertest from 'supertest';
import { SCOPES, type Scope } from '../../src/auth/scopes.ts';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { loadSpec, type SpecOperation } from '../../src/http/openapi-spec.ts';
import { assertContract } from '../support/contract.ts';
import { bearer, newAdminSecret } from '../support/test-app.ts';
import { type AbuseApp, startAbuseApp } from './support/abuse-app.ts';
import { minimalBody } from './support/minimal-body.ts';

/**
 * The authorisation matrix, generated from openapi.yaml at run time: every served operation that needs a key
 * is tried without one, with a revoked one, with one lacking its x-scope, and — where its path names a
 * tenant-owned resource — with another tenant's resource. An operation added to the contract is covered the
 * day its x-status: planned mark is removed.
 */
const spec = loadSpec();
const operations = [...spec.operations.values()].filter((op) => !op.planned && !op.public);

// Path parameters that name global (not tenant-owned) things, with a value that exists in the test app.
const GLOBAL_PARAMS: Record<string, string> = {
  sourceId: 'us-ofac-sdn',
  version: '1',
  entryId: '91001',
  code: '854231',
};

let t: AbuseApp;
let revokedKey: string;
const keyWithout = new Map<Scope, string>();
let tenantB: { key: string; keyId: string; screeningId: string };
let ownScreeningId: string;
// Tenant-owned resources, created in tenant B: path parameter name → id.
const tenantBResource = new Map<string, string>();

const SCOPELESS = new Set(['getCurrentKey']);

async function createKey(scopes: Scope[], rateLimitPerSecond?: number) {
  const res = await t
    .request()
    .post('/keys')
    .set(bearer(t.adminKey))
    .send({
      name: `matrix ${scopes.join(',')}`,
      scopes,
      ...(rateLimitPerSecond ? { rateLimitPerSecond } : {}),
    });
  assert.equal(res.status, 201, res.text);
  assertContract(res, 'createApiKey');
  return res.body as { id: string; key: string };
}

before(async () => {
  t = await startAbuseApp();
  for (const scope of SCOPES) keyWithout.set(scope, (await createKey(SCOPES.filter((s) => s !== scope))).key);

  const doomed = await createKey([...SCOPES]);
  const revoke = await t.request().delete(`/keys/${doomed.id}`).set(bearer(t.adminKey));
  assert.equal(revoke.status, 204, revoke.text);
  assertContract(revoke, 'revokeApiKey');
  revokedKey = doomed.key;

  const own = await t
    .request()
    .post('/screen')
    .set(bearer(t.adminKey))
    .send({ parties: [{ name: 'Own Ltd' }] });
  assert.equal(own.status, 200, own.text);
  ownScreeningId = own.body.id;

  const b = await createTenantService(t.container.pool, t.container.keys).create(
    `tenant-b-${randomUUID().slice(0, 8)}`,
    'Tenant B',
  );
  const screened = await t
    .request()
    .post('/screen')
    .set(bearer(b.key.key))
    .send({ parties: [{ name: 'B Ltd' }] });
  assert.equal(screened.status, 200, screened.text);
  assertContract(screened, 'screen');
  tenantB = { key: b.key.key, keyId: b.key.id, screeningId: screened.body.id };
  tenantBResource.set('screeningId', tenantB.screeningId);
  tenantBResource.set('keyId', tenantB.keyId);
  // Any other tenant-owned id: created in tenant B through the POST on its collection, when there is one.
  for (const op of operations) {
    for (const m of op.path.matchAll(/\{([^}]+)\}/g)) {
      const name = m[1]!;
      if (name in GLOBAL_PARAMS || tenantBResource.has(name)) continue;
      const create = operations.find((o) => o.method === 'POST' && o.path === op.path.slice(0, m.index - 1));
      const body = create ? minimalBody(spec, create) : undefined;
      if (!create || body === undefined) continue;
      const res = await call(create, create.path, bearer(tenantB.key), body);
      if ((res.status === 200 || res.status === 201) && typeof res.body.id === 'string') {
        tenantBResource.set(name, res.body.id);
      }
    }
  }
});
after(async () => {
  await t?.close();
});

function pathFor(op: SpecOperation, own: Map<string, string> = new Map()): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = own.get(name) ?? GLOBAL_PARAMS[name];
    if (value !== undefined) return encodeURIComponent(value);
    const schema = op.parameters.find((p) => p.name === name)?.schema ?? {};
    return schema.format === 'uuid' ? randomUUID() : schema.type === 'integer' ? '1' : 'x1';
  });
}

function call(
  op: SpecOperation,
  path: string,
  headers: Record<string, string>,
  body: unknown = {},
): supertest.Test {
  const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
  const req = t.request()[method](path).set(headers);
  return op.requestBody ? req.send(body as object) : req;
}

/** An operation that the contract promises but no route serves answers the catch-all 404 even without a key. */
async function served(op: SpecOperation): Promise<boolean> {
  const res = await call(op, pathFor(op), {});
  return !(res.status === 404 && /No route for/.test(res.text));
}

describe(`auth matrix over ${operations.length} operations from openapi.yaml`, () => {
  for (const op of operations) {
    describe(`${op.operationId} (${op.method} ${op.path}, scope ${op.scope})`, () => {
      test('401 without a key, with a malformed one, an unknown one and a revoked one', async (ctx) => {
        if (!(await served(op))) {
          ctx.todo(`${op.operationId} is in the contract without x-status: planned, but no route serves it`);
          return;
        }
        const attempts: Record<string, Record<string, string>> = {
          'no Authorization': {},
          'Basic scheme': { Authorization: `Basic ${Buffer.from(`x:${t.adminKey}`).toString('base64')}` },
          'empty bearer': { Authorization: 'Bearer ' },
          'key without scheme': { Authorization: t.adminKey },
          'unknown well-formed key': bearer(newAdminSecret()),
          'admin key with a flipped last character': bearer(
            `${t.adminKey.slice(0, -1)}${t.adminKey.endsWith('a') ? 'b' : 'a'}`,
          ),
          'revoked key': bearer(revokedKey),
        };
        for (const [what, headers] of Object.entries(attempts)) {
          const res = await call(op, pathFor(op), headers);
          assert.equal(res.status, 401, `${what}: ${res.status} ${res.text}`);
          assert.equal(res.headers['www-authenticate'], 'Bearer', what);
          assertContract(res, op.operationId);
        }
      });

      test(`403 for a key with every scope but ${op.scope}`, async (ctx) => {
        if (!(await served(op))) return ctx.todo(`${op.operationId} is not served`);
        // Only a key's self-description may be read with any valid key; every other operation needs a scope.
        if (SCOPELESS.has(op.operationId)) {
          assert.equal(op.scope, undefined, `${op.operationId} is listed as scope-less but declares one`);
          const res = await call(op, pathFor(op), bearer(keyWithout.get('keys:admin')!));
          assert.equal(res.status, 200, res.text);
          return;
        }
        assert.ok(op.scope, `${op.operationId} needs a key but declares no x-scope`);
        const res = await call(op, pathFor(op), bearer(keyWithout.get(op.scope as Scope)!));
        assert.equal(res.status, 403, res.text);
        assert.match(res.body.detail ?? JSON.parse(res.text).detail, new RegExp(op.scope));
        assertContract(res, op.operationId);
      });

      const ownedParams = op.parameters.filter((p) => p.in === 'path' && !(p.name in GLOBAL_PARAMS));
      if (ownedParams.length > 0) {
        test(`404 for another tenant's ${ownedParams.map((p) => p.name).join(', ')}`, async (ctx) => {
          if (!(await served(op))) return ctx.todo(`${op.operationId} is not served`);
          const missing = ownedParams.filter((p) => !tenantBResource.has(p.name));
          if (missing.length > 0) {
            return ctx.todo(
              `no tenant-B fixture for ${missing.map((p) => p.name).join(', ')}: add one in before()`,
            );
          }
          const body = op.requestBody ? minimalBody(spec, op) : undefined;
          if (op.requestBody && body === undefined) {
            return ctx.todo(`cannot derive a valid body for ${op.operationId} from its schema`);
          }
          const res = await call(op, pathFor(op, tenantBResource), bearer(t.adminKey), body);
          assert.equal(
            res.status,
            404,
            `${op.operationId} on tenant B's resource: ${res.status} ${res.text}`,
          );
          assertContract(res, op.operationId);
        });
      }
    });
  }

  test('positive controls: the same calls with the right key and tenant succeed', async () => {
    const own = await t.request().get(`/screenings/${ownScreeningId}`).set(bearer(t.adminKey));
    assert.equal(own.status, 200, own.text);
    assertContract(own, 'getScreening');
    const theirs = await t.request().get(`/screenings/${tenantB.screeningId}`).set(bearer(tenantB.key));
    assert.equal(theirs.status, 200, theirs.text);
    assertContract(theirs, 'getScreening');
    // The cross-tenant DELETE /keys above must not have revoked B's key.
    const stillWorks = await t.request().get('/keys').set(bearer(tenantB.key));
    assert.equal(stillWorks.status, 200, stillWorks.text);
    assertContract(stillWorks, 'listApiKeys');
    assert.ok(stillWorks.body.items.every((k: { revokedAt: string | null }) => k.revokedAt === null));
    assert.deepEqual(
      stillWorks.body.items.map((k: { id: string }) => k.id),
      [tenantB.keyId],
    );
  });

  test("collections never show another tenant's rows: keys, policy", async () => {
    const keys = await t.request().get('/keys').set(bearer(t.adminKey));
    assert.equal(keys.status, 200);
    assertContract(keys, 'listApiKeys');
    assert.ok(keys.body.items.length >= SCOPES.length + 1);
    assert.ok(!keys.body.items.some((k: { id: string }) => k.id === tenantB.keyId));

    const update = await t
      .request()
      .put('/policy')
      .set(bearer(tenantB.key))
      .send({ reviewThreshold: 0.81, blockThreshold: 0.97 });
    assert.equal(update.status, 200, update.text);
    assertContract(update, 'updatePolicy');
    const mine = await t.request().get('/policy').set(bearer(t.adminKey));
    assert.equal(mine.status, 200);
    assertContract(mine, 'getPolicy');
    assert.notEqual(mine.body.reviewThreshold, 0.81);
    assert.equal(mine.body.version, 1);
  });
});
