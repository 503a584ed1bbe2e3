import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type supertest from 'supertest';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { loadSpec, type SpecOperation } from '../../src/http/openapi-spec.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { monitorVersion } from '../../src/monitoring/monitor-version.ts';
import { OPERATOR_SCOPE, type Scope, TENANT_SCOPES } from '../../src/principal/scopes.ts';
import { assertContract } from '../support/contract.ts';
import { FIXTURE_SDN_ROWS } from '../support/screening-app.ts';
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
  for (const scope of TENANT_SCOPES) {
    keyWithout.set(scope, (await createKey(TENANT_SCOPES.filter((s) => s !== scope))).key);
  }
  // Every key POST /keys can make lacks the operator scope: the most a tenant's administrator can hold.
  keyWithout.set(OPERATOR_SCOPE, (await createKey([...TENANT_SCOPES])).key);

  const doomed = await createKey([...TENANT_SCOPES]);
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
  await createTenantBFixtures();
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

/**
 * Tenant-owned ids that no JSON POST on their collection creates: a screen job (a streamed CSV upload), a
 * false-positive memory (a review), an alert (a list activation that hits a monitored party), and a licence
 * (whose body minimalBody cannot derive).
 */
async function createTenantBFixtures() {
  const as = (req: supertest.Test) => req.set(bearer(tenantB.key));
  const job = await as(t.request().post('/screen/jobs'))
    .set('Content-Type', 'text/csv')
    .send(Buffer.from('party_name\nB Ltd\n'));
  assert.equal(job.status, 202, job.text);
  assertContract(job, 'createScreenJob');
  tenantBResource.set('jobId', job.body.id);

  const listed = await as(t.request().post('/screen')).send({
    parties: [{ name: 'Nordlicht Handels GmbH', kind: 'organization', country: 'DE' }],
  });
  assert.equal(listed.status, 200, listed.text);
  const finding = listed.body.findings.find(
    (f: { kind: string; entry?: { id: string } }) => f.kind === 'party_match' && f.entry?.id === '91003',
  );
  assert.ok(finding, listed.text);
  const review = await as(t.request().post(`/screenings/${listed.body.id}/reviews`)).send({
    findingId: finding.id,
    disposition: 'false_positive',
    note: 'Nordlicht of Bremen',
  });
  assert.equal(review.status, 201, review.text);
  const memories = await as(t.request().get('/false-positives'));
  assert.equal(memories.status, 200, memories.text);
  assert.equal(memories.body.items.length, 1, memories.text);
  tenantBResource.set('memoryId', memories.body.items[0].id);

  // A licence: its request body (an anyOf of consignee or end user) is more than minimalBody derives.
  const licence = await as(t.request().post('/licences')).send({
    number: 'B-LIC-1',
    authority: 'BAFA',
    regime: 'EU',
    goods: [{ controlNumber: '5A002' }],
    destination: 'CN',
    consignee: 'B Consignee Ltd',
    validFrom: '2026-01-01',
    validTo: '2099-12-31',
  });
  assert.equal(licence.status, 201, licence.text);
  assertContract(licence, 'createLicence');
  tenantBResource.set('licenceId', licence.body.id);

  const party = await as(t.request().post('/monitored-parties')).send({ name: 'Globex Shadow Trading LLC' });
  assert.equal(party.status, 201, party.text);
  await writeFile(
    join(t.sdnDir, 'sdn.csv'),
    `${[...FIXTURE_SDN_ROWS, '91004,"GLOBEX SHADOW TRADING LLC",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '].join('\r\n')}\r\n\u001a`,
  );
  const published = await refreshSource(
    t.container.lists.refreshDeps,
    t.container.lists.catalog.get('us-ofac-sdn')!,
  );
  assert.equal(published.outcome, 'activated', published.detail ?? '');
  await t.container.lists.active.refresh();
  // Called directly (no worker runs here): the same job the monitoring queue runs after an activation.
  await monitorVersion(t.container.monitoring.monitorDeps, {
    sourceId: 'us-ofac-sdn',
    version: published.version!,
  });
  const alerts = await as(t.request().get('/alerts'));
  assert.equal(alerts.status, 200, alerts.text);
  assert.equal(alerts.body.items.length, 1, alerts.text);
  tenantBResource.set('alertId', alerts.body.items[0].id);
}

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
  // A CSV-only upload (a goods table's rows) is sent as text: its owner is checked before the file is read.
  if (typeof body === 'string') return req.set('Content-Type', 'text/csv').send(body);
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
          const csvOnly = op.requestBody && !op.requestBody.content['application/json'];
          const body = csvOnly ? 'code\n' : op.requestBody ? minimalBody(spec, op) : undefined;
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
    // The resources the cross-tenant checks got 404 for exist, and their owner reaches them.
    const job = await t
      .request()
      .get(`/screen/jobs/${tenantBResource.get('jobId')}`)
      .set(bearer(tenantB.key));
    assert.equal(job.status, 200, job.text);
    assertContract(job, 'getScreenJob');
    const results = await t
      .request()
      .get(`/screen/jobs/${tenantBResource.get('jobId')}/results`)
      .set(bearer(tenantB.key));
    assert.equal(results.status, 200, results.text);
    const memories = await t.request().get('/false-positives').set(bearer(tenantB.key));
    assert.deepEqual(
      memories.body.items.map((m: { id: string }) => m.id),
      [tenantBResource.get('memoryId')],
      "the cross-tenant DELETE must not have revoked B's memory",
    );
    const licence = await t
      .request()
      .get(`/licences/${tenantBResource.get('licenceId')}`)
      .set(bearer(tenantB.key));
    assert.equal(licence.status, 200, licence.text);
    assertContract(licence, 'getLicence');
    assert.equal(licence.body.revokedAt, null, "the cross-tenant revoke must not have revoked B's licence");
    const alerts = await t.request().get('/alerts').set(bearer(tenantB.key));
    assert.deepEqual(
      alerts.body.items.map((a: { id: string; reviewStatus: string }) => [a.id, a.reviewStatus]),
      [[tenantBResource.get('alertId'), 'open']],
      'the cross-tenant review must not have been recorded',
    );
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
    assert.ok(
      keys.body.items.length >= keyWithout.size + 2,
      'the keys made in before(), the doomed one and the bootstrap key',
    );
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
