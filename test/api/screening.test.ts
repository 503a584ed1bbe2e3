import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertContract } from '../support/contract.ts';
import {
  FIXTURE_BLOCKED_SHIPMENT,
  type ScreeningTestApp,
  startScreeningApp,
} from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

const screen = (body: unknown, headers: Record<string, string> = {}) =>
  t
    .http()
    .post('/screen')
    .set(bearer(t.adminKey))
    .set(headers)
    .send(body as object);

async function auditRowsFor(screeningId: string) {
  const { rows } = await t.container.pool.query(
    `SELECT type, payload FROM audit_events WHERE type = 'screening' AND payload->>'screeningId' = $1`,
    [screeningId],
  );
  return rows;
}

describe('POST /screen', () => {
  test('a listed consignee and CHPL goods to RU → block, with evidence, reasons and legal bases', async () => {
    const res = await screen(FIXTURE_BLOCKED_SHIPMENT);
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    assert.equal(res.body.decision, 'block');
    const party = res.body.findings.find((f: { kind: string }) => f.kind === 'party_match');
    assert.equal(party.partyIndex, 1);
    assert.equal(party.source, 'us-ofac-sdn');
    assert.equal(party.entry.id, '91001');
    assert.deepEqual(party.entry.programs, ['RUSSIA-EO14024']);
    assert.match(party.reason, /Consignee “ООО Звезда Микроэлектроника” matches/);
    assert.ok(party.explanation.some((e: { part: string }) => e.part === 'name'));
    assert.ok(party.legalBasis.act);
    // Processors are listed by the CHPL, Annex VII and EAR Supp. No. 4 (chapter 85): the CHPL finding carries the tier.
    const goods = res.body.findings.find(
      (f: { kind: string; source?: string }) => f.kind === 'goods_control' && f.source === 'chpl',
    );
    assert.equal(goods.goodsIndex, 0);
    assert.equal(goods.severity, 'block');
    assert.match(goods.reason, /tier 1/);
    assert.ok(goods.legalBasis.act.includes('833/2014'));
    assert.ok(!res.body.findings.some((f: { partyIndex?: number }) => f.partyIndex === 0));
    const used = res.body.listVersions.find((v: { source: string }) => v.source === 'us-ofac-sdn');
    assert.equal(used.status, 'used');
    assert.equal(used.version, 1);
    assert.equal(res.body.policy.version, 1);
  });

  test('options.asOf screens against the versions active then: the listed consignee is found again', async () => {
    const res = await screen({
      ...FIXTURE_BLOCKED_SHIPMENT,
      options: { asOf: new Date().toISOString() },
    });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    assert.equal(res.body.decision, 'block');
    const party = res.body.findings.find((f: { kind: string }) => f.kind === 'party_match');
    assert.equal(party.partyIndex, 1);
    assert.equal(party.entry.id, '91001');
    assert.equal(party.entry.name, 'OOO ZVEZDA MIKROELEKTRONIKA');
  });

  test('a clean onboarding call → clear, and the audit log holds the screening', async () => {
    const res = await screen({
      reference: 'KYC-77',
      parties: [{ name: 'Siemens AG', country: 'DE', kind: 'organization' }],
    });
    assert.equal(res.status, 200);
    assertContract(res, 'screen');
    assert.equal(res.body.decision, 'clear');
    assert.deepEqual(res.body.findings, []);
    const audit = await auditRowsFor(res.body.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].payload.decision, 'clear');
    assert.equal(audit[0].payload.reference, 'KYC-77');
  });

  test('GET /screenings/{id} returns the stored result exactly as answered', async () => {
    const res = await screen({
      parties: [{ name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' }],
    });
    assert.equal(res.body.decision, 'block');
    const stored = await t.http().get(`/screenings/${res.body.id}`).set(bearer(t.adminKey));
    assert.equal(stored.status, 200);
    assertContract(stored, 'getScreening');
    assert.deepEqual(stored.body.result, res.body);
    assert.equal(stored.body.apiKeyId, 'key_bootstrap_admin');
    assert.equal(stored.body.request.parties[0].name, 'Ivan Sergeevich Petrov');
    const missing = await t
      .http()
      .get('/screenings/00000000-0000-4000-8000-000000000000')
      .set(bearer(t.adminKey));
    assert.equal(missing.status, 404);
    assertContract(missing, 'getScreening');
  });

  test('20 parallel retries with one Idempotency-Key produce one screening and one audit row', async () => {
    const body = { reference: 'retry-me', parties: [{ name: 'Nordlicht Handels GmbH' }] };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => screen(body, { 'Idempotency-Key': 'erp-42' })),
    );
    for (const r of results) assertContract(r, 'screen');
    assert.deepEqual(new Set(results.map((r) => r.status)), new Set([200]));
    const ids = new Set(results.map((r) => r.body.id));
    assert.equal(ids.size, 1);
    const { rows } = await t.container.pool.query(
      `SELECT count(*)::int AS n FROM screenings WHERE reference = 'retry-me'`,
    );
    assert.equal(rows[0].n, 1);
    assert.equal((await auditRowsFor([...ids][0])).length, 1);
    const conflict = await screen({ ...body, reference: 'other' }, { 'Idempotency-Key': 'erp-42' });
    assert.equal(conflict.status, 409);
    assertContract(conflict, 'screen');
  });

  test('malformed goods codes → 400 naming each line; goods without a destination → 400', async () => {
    const res = await screen({
      parties: [{ name: 'A' }],
      goods: [
        { code: '8542' },
        { code: '85AB31' },
        { code: '854' },
        { code: '85423190123456' },
        { code: '8542.31', controlNumber: '3Z999' },
      ],
      route: { destination: 'RU' },
    });
    assert.equal(res.status, 400);
    assertContract(res, 'screen');
    const pointers = JSON.parse(res.text).errors.map((e: { pointer: string }) => e.pointer);
    assert.deepEqual(pointers, ['/goods/1/code', '/goods/2/code', '/goods/3/code', '/goods/4/controlNumber']);
    const noRoute = await screen({ parties: [{ name: 'A' }], goods: [{ code: '0808.10' }] });
    assert.equal(noRoute.status, 400);
    assert.equal(JSON.parse(noRoute.text).errors[0].pointer, '/route/destination');
    const { rows } = await t.container.pool.query(
      `SELECT count(*)::int AS n FROM screenings WHERE request->'goods' IS NOT NULL AND decision IS NULL`,
    );
    assert.equal(rows[0].n, 0);
  });

  test('schema violations → 400 by JSON pointer, before anything is stored', async () => {
    const before = await t.container.pool.query('SELECT count(*)::int AS n FROM screenings');
    const res = await screen({
      parties: [{ name: '', role: 'pirate', country: 'Russia', extra: 1 }],
      goods: 'none',
    });
    assert.equal(res.status, 400);
    assertContract(res, 'screen');
    const pointers = JSON.parse(res.text)
      .errors.map((e: { pointer: string }) => e.pointer)
      .sort();
    assert.deepEqual(pointers, [
      '/goods',
      '/parties/0/country',
      '/parties/0/extra',
      '/parties/0/name',
      '/parties/0/role',
    ]);
    const after = await t.container.pool.query('SELECT count(*)::int AS n FROM screenings');
    assert.equal(after.rows[0].n, before.rows[0].n);
  });

  // Excluding a list the policy opens, and the floor under it: test/abuse/list-selection.test.ts.
  test('excluding a list the default policy protects → 400 naming it, nothing stored', async () => {
    const res = await screen({
      reference: 'excl-protected',
      parties: [{ name: 'Zvezda Mikroelektronika OOO' }],
      options: { lists: { exclude: ['us-ofac-sdn'] } },
    });
    assert.equal(res.status, 400, res.text);
    assertContract(res, 'screen');
    assert.match(res.body.detail, /us-ofac-sdn/);
    assert.equal(res.body.errors[0].pointer, '/options/lists/exclude/0');
    const { rows } = await t.container.pool.query(
      `SELECT count(*)::int AS n FROM screenings WHERE reference = 'excl-protected'`,
    );
    assert.equal(rows[0].n, 0);
  });

  test('a key without the screen scope → 403; no key → 401', async () => {
    const key = await t
      .http()
      .post('/keys')
      .set(bearer(t.adminKey))
      .send({ name: 'reader', scopes: ['audit:read'] });
    const res = await t
      .http()
      .post('/screen')
      .set(bearer(key.body.key))
      .send({ parties: [{ name: 'A' }] });
    assert.equal(res.status, 403);
    assertContract(res, 'screen');
    assert.equal(
      (
        await t
          .http()
          .post('/screen')
          .send({ parties: [{ name: 'A' }] })
      ).status,
      401,
    );
  });
});

describe('control-list coverage', () => {
  test('GET /lists/{id} of a control list says which annex tables are loaded and which are not', async () => {
    const res = await t.http().get('/lists/chpl').set(bearer(t.adminKey));
    assert.equal(res.status, 200);
    assertContract(res, 'getSource');
    assert.match(res.body.coverage, /^Partial coverage: not loaded: .*Annex XXIII/);
    const sanctions = await t.http().get('/lists/us-ofac-sdn').set(bearer(t.adminKey));
    assert.equal(sanctions.body.coverage, undefined);
  });
});

describe('POST /screen/batch', () => {
  test('per-item results and errors in order; one bad item does not fail the others', async () => {
    const res = await t
      .http()
      .post('/screen/batch')
      .set(bearer(t.adminKey))
      .send({
        items: [
          { reference: 'b-0', parties: [{ name: 'Nordlicht Handels GmbH' }] },
          { reference: 'b-1', parties: [] },
          { reference: 'b-2', parties: [{ name: 'Bosch GmbH' }] },
          {
            reference: 'b-3',
            parties: [{ name: 'X' }],
            goods: [{ code: '12' }],
            route: { destination: 'RS' },
          },
          // PostgreSQL cannot store U+0000: this item fails alone, with a pointer into it.
          { reference: 'b-4', parties: [{ name: 'Nul\u0000 Trading' }] },
        ],
      });
    assert.equal(res.status, 200);
    assertContract(res, 'screenBatch');
    const items = res.body.items;
    assert.deepEqual(
      items.map((i: { index: number }) => i.index),
      [0, 1, 2, 3, 4],
    );
    assert.equal(items[0].result.decision, 'block');
    assert.equal(items[1].error.status, 400);
    assert.equal(items[2].result.decision, 'clear');
    assert.equal(items[3].error.errors[0].pointer, '/goods/0/code');
    assert.equal(items[4].error.status, 400);
    assert.equal(items[4].error.errors[0].pointer, '/parties/0/name');
    const { rows } = await t.container.pool.query(
      `SELECT reference FROM screenings WHERE reference LIKE 'b-%' ORDER BY 1`,
    );
    assert.deepEqual(
      rows.map((r) => r.reference),
      ['b-0', 'b-2'],
    );
  });
});

describe('lists never loaded', () => {
  test('an enabled source with no active version is named absent and the answer is at least review', async () => {
    const app = await startScreeningApp({ extraSources: ['un-sc'] });
    try {
      const res = await app
        .http()
        .post('/screen')
        .set(bearer(app.adminKey))
        .send({ parties: [{ name: 'Siemens AG' }] });
      assert.equal(res.status, 200);
      assertContract(res, 'screen');
      assert.equal(res.body.decision, 'review');
      assert.deepEqual(
        res.body.listVersions.find((v: { source: string }) => v.source === 'un-sc'),
        { source: 'un-sc', status: 'absent' },
      );
      const finding = res.body.findings.find((f: { kind: string }) => f.kind === 'list_coverage');
      assert.equal(finding.source, 'un-sc');
    } finally {
      await app.close();
    }
  });
});
