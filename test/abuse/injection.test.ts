import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { loadSpec } from '../../src/http/openapi-spec.ts';
import { bearer } from '../support/test-app.ts';
import { type AbuseApp, assertHandled, startAbuseApp } from './support/abuse-app.ts';

/**
 * SQL injection and LIKE wildcards in every string the API takes: never a 5xx, never another tenant's row,
 * every table still there with the same rows afterwards. All SQL is parameterised; this keeps it so.
 */
const PAYLOADS = [
  "' OR 1=1 --",
  "'; DROP TABLE screenings; --",
  "' UNION SELECT id, tenant_id FROM api_keys --",
  '%',
  '_',
  '\\',
  '%%',
  "%' OR '1'='1",
  '") OR ("1"="1',
  '$1',
  '\u0000',
  '*',
  '.*',
];

let t: AbuseApp;
let tenantB: { key: string; keyId: string; screeningId: string };
const spec = loadSpec();

async function counts() {
  const { rows } = await t.container.pool.query(
    `SELECT (SELECT count(*) FROM screenings)::int AS screenings, (SELECT count(*) FROM api_keys)::int AS keys,
            (SELECT count(*) FROM tenants)::int AS tenants, (SELECT count(*) FROM screenings WHERE tenant_id = $1)::int AS b`,
    [tenantB.keyId ? await tenantOf(tenantB.keyId) : ''],
  );
  return rows[0] as { screenings: number; keys: number; tenants: number; b: number };
}
async function tenantOf(keyId: string): Promise<string> {
  const { rows } = await t.container.pool.query('SELECT tenant_id FROM api_keys WHERE id = $1', [keyId]);
  return rows[0].tenant_id;
}

before(async () => {
  t = await startAbuseApp();
  const b = await createTenantService(t.container.pool, t.container.keys).create('tenant-b-inject', 'B');
  const res = await t
    .request()
    .post('/screen')
    .set(bearer(b.key.key))
    .send({ reference: 'B-SECRET-REF', parties: [{ name: 'B Secret Customer GmbH' }] });
  assert.equal(res.status, 200, res.text);
  tenantB = { key: b.key.key, keyId: b.key.id, screeningId: res.body.id };
});
after(async () => {
  await t?.close();
});

/** Every string field of a ScreenRequest, as a path and a setter. */
const STRING_FIELDS: Array<[string, (p: string) => Record<string, unknown>]> = [
  ['reference', (p) => ({ reference: p, parties: [{ name: 'Acme' }] })],
  ['date', (p) => ({ date: p, parties: [{ name: 'Acme' }] })],
  ['parties/0/name', (p) => ({ parties: [{ name: p }] })],
  ['parties/0/aliases/0', (p) => ({ parties: [{ name: 'Acme', aliases: [p] }] })],
  ['parties/0/address', (p) => ({ parties: [{ name: 'Acme', address: p }] })],
  ['parties/0/country', (p) => ({ parties: [{ name: 'Acme', country: p }] })],
  ['parties/0/birthDate', (p) => ({ parties: [{ name: 'Acme', birthDate: p }] })],
  ['parties/0/role', (p) => ({ parties: [{ name: 'Acme', role: p }] })],
  ['parties/0/kind', (p) => ({ parties: [{ name: 'Acme', kind: p }] })],
  [
    'identifiers/0/scheme',
    (p) => ({ parties: [{ name: 'Acme', identifiers: [{ scheme: p, value: '1' }] }] }),
  ],
  [
    'identifiers/0/value',
    (p) => ({ parties: [{ name: 'Acme', identifiers: [{ scheme: 'inn', value: p }] }] }),
  ],
  ['goods/0/code', (p) => ({ parties: [{ name: 'Acme' }], goods: [{ code: p }] })],
  [
    'goods/0/codeSystem',
    (p) => ({ parties: [{ name: 'Acme' }], goods: [{ code: '854231', codeSystem: p }] }),
  ],
  ['goods/0/controlNumber', (p) => ({ parties: [{ name: 'Acme' }], goods: [{ controlNumber: p }] })],
  ['goods/0/description', (p) => ({ parties: [{ name: 'Acme' }], goods: [{ description: p }] })],
  ['goods/0/manufacturer', (p) => ({ parties: [{ name: 'Acme' }], goods: [{ manufacturer: p }] })],
  ['goods/0/currency', (p) => ({ parties: [{ name: 'Acme' }], goods: [{ currency: p }] })],
  ['route/destination', (p) => ({ parties: [{ name: 'Acme' }], route: { destination: p } })],
  ['route/transit/0', (p) => ({ parties: [{ name: 'Acme' }], route: { transit: [p] } })],
  ['options/lists/include/0', (p) => ({ parties: [{ name: 'Acme' }], options: { lists: { include: [p] } } })],
  ['options/lists/exclude/0', (p) => ({ parties: [{ name: 'Acme' }], options: { lists: { exclude: [p] } } })],
  ['options/asOf', (p) => ({ parties: [{ name: 'Acme' }], options: { asOf: p } })],
];

describe('SQL injection', () => {
  test('in every string field of POST /screen and in Idempotency-Key', async () => {
    const before = await counts();
    let screened = 0;
    for (const payload of PAYLOADS) {
      for (const [field, build] of STRING_FIELDS) {
        const body = build(payload);
        const res = await t.request().post('/screen').set(bearer(t.adminKey)).send(body);
        assertHandled(res, 'screen', `${field}=${JSON.stringify(payload)}`);
        assert.ok(!res.text.includes('B Secret Customer'), `${field}: tenant B's data in the answer`);
        if (res.status === 200) {
          screened++;
          // Stored and returned verbatim: the payload is data, never SQL.
          const got = await t.request().get(`/screenings/${res.body.id}`).set(bearer(t.adminKey));
          assertHandled(got, 'getScreening', field);
          assert.deepEqual(
            got.body.request.parties[0].name,
            body.parties ? (body.parties as { name: string }[])[0]!.name : undefined,
          );
          if (field === 'reference') assert.equal(got.body.result.reference, payload);
        }
      }
      if (payload === '\u0000') continue; // a header cannot carry NUL
      const idem = await t
        .request()
        .post('/screen')
        .set(bearer(t.adminKey))
        .set('Idempotency-Key', payload)
        .send({ parties: [{ name: 'Acme' }] });
      assertHandled(idem, 'screen', `Idempotency-Key=${payload}`);
      assert.equal(idem.status, 200, idem.text);
      screened++;
    }
    assert.ok(screened > PAYLOADS.length * 5, `only ${screened} payloads got through validation`);
    const afterwards = await counts();
    assert.equal(afterwards.screenings, before.screenings + screened);
    assert.equal(afterwards.keys, before.keys);
    assert.equal(afterwards.tenants, before.tenants);
    assert.equal(afterwards.b, before.b);
  });

  test('in every query filter and path parameter of every served GET operation', async () => {
    const before = await counts();
    const gets = [...spec.operations.values()].filter(
      (op) => op.method === 'GET' && !op.planned && !op.public,
    );
    let tried = 0;
    for (const op of gets) {
      const params = op.parameters.filter((p) => p.in === 'query' || p.in === 'path');
      for (const param of params) {
        for (const payload of PAYLOADS) {
          const value = encodeURIComponent(payload);
          const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
            name === param.name
              ? value
              : name === 'sourceId'
                ? 'us-ofac-sdn'
                : name === 'version'
                  ? '1'
                  : 'x1',
          );
          const url = param.in === 'query' ? `${path}?${param.name}=${value}` : path;
          const res = await t.request().get(url).set(bearer(t.adminKey));
          if (res.status === 404 && /No route for/.test(res.text)) continue; // contract ahead of the code
          tried++;
          assertHandled(res, op.operationId, `${op.operationId} ${param.name}=${JSON.stringify(payload)}`);
          for (const secret of ['B Secret Customer', 'B-SECRET-REF', tenantB.screeningId, tenantB.keyId]) {
            assert.ok(
              !res.text.includes(secret),
              `${op.operationId} ${param.name}=${payload} shows tenant B's ${secret}`,
            );
          }
        }
      }
    }
    assert.ok(tried > 0);
    const afterwards = await counts();
    assert.deepEqual(afterwards, before);
    const { rows } = await t.container.pool.query(
      `SELECT count(*)::int AS n FROM unnest(ARRAY['screenings','api_keys','tenants','audit_events','list_versions']) AS t(name)
       WHERE to_regclass(t.name) IS NOT NULL`,
    );
    assert.equal(rows[0].n, 5, 'a table is gone');
  });
});
