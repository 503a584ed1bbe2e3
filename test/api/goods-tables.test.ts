import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { SHIPPED_LIST_IDS } from '../../src/goods/index.ts';
import { assertContract } from '../support/contract.ts';
import {
  FIXTURE_BLOCKED_SHIPMENT,
  type ScreeningTestApp,
  startScreeningApp,
} from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

// Issue 20, "import format for compliance teams": a tenant's own goods control table uploaded as CSV, versioned
// with diffs, audited, isolated per tenant and applied by POST /screen on the transaction date.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

const HEADER =
  'code,code_system,destination,measure,jurisdiction,legal_basis,source,valid_from,valid_to,note';
const csv = (...lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;
const FURNITURE =
  '9403.30,HS,CL,block,,Group policy GP-7 s. 3,Group policy GP-7,2026-03-01,,wooden furniture';
const LAPTOPS =
  '8471.30,HS,*,review,,Reg. (EU) 833/2014 Art. 3k,https://eur-lex.europa.eu/eli/reg/2023/1214/oj,2024-01-01,,';

async function newTenant(): Promise<string> {
  const id = `gt-${randomUUID().slice(0, 8)}`;
  return (await createTenantService(t.container.pool, t.container.keys).create(id, id)).key.key;
}

async function newTable(key: string, name = 'Group controls'): Promise<string> {
  const res = await t.http().post('/goods-tables').set(bearer(key)).send({ name });
  assert.equal(res.status, 201, res.text);
  assertContract(res, 'createGoodsTable');
  assert.equal(res.body.version, null);
  return res.body.id;
}

function upload(key: string, id: string, body: string, type = 'text/csv') {
  return t.http().put(`/goods-tables/${id}/rows`).set(bearer(key)).set('Content-Type', type).send(body);
}

async function load(key: string, id: string, body: string) {
  const res = await upload(key, id, body);
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'uploadGoodsTableRows');
  return res.body as { created: boolean; version: number; rows: number; diff: Record<string, unknown[]> };
}

type F = {
  id: string;
  severity: string;
  source?: string;
  reason: string;
  tenantTable?: Record<string, unknown>;
  legalBasis?: Record<string, unknown>;
  licensed?: { number: string };
  licenceChecks?: { reason: string }[];
};

async function screen(key: string, body: Record<string, unknown>) {
  const res = await t.http().post('/screen').set(bearer(key)).send(body);
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'screen');
  const findings = res.body.findings as F[];
  const own = findings.filter((f) => f.tenantTable);
  return { id: res.body.id as string, decision: res.body.decision as string, findings, own };
}

const furnitureToChile = (date: string) => ({
  date,
  parties: [{ role: 'exporter', kind: 'organization', name: 'Holzwerk GmbH', country: 'DE' }],
  goods: [{ code: '9403.30', originCountry: 'DE' }],
  route: { origin: 'DE', destination: 'CL' },
});

describe('PUT /goods-tables/{id}/rows: versions and diffs', () => {
  test('each upload is a version with its diff, listed; an identical upload makes none; each is audited', async () => {
    const key = await newTenant();
    const id = await newTable(key);
    const first = await load(key, id, csv(FURNITURE, LAPTOPS));
    assert.deepEqual([first.created, first.version, first.rows], [true, 1, 2]);
    assert.deepEqual([first.diff.against, first.diff.added!.length], [null, 2]);

    // Laptops: measure changed; furniture removed; 5A002 added.
    const secondFile = csv(
      LAPTOPS.replace(',review,', ',block,'),
      '5A002,,CN,licence_required,EU,Reg. (EU) 2021/821 Art. 3,https://eur-lex.europa.eu/eli/reg/2021/821/oj,2021-09-09,,',
    );
    const second = await load(key, id, secondFile);
    assert.deepEqual([second.created, second.version, second.diff.against], [true, 2, 1]);
    assert.deepEqual(
      second.diff.added!.map((r) => (r as { code: string }).code),
      ['5A002'],
    );
    assert.deepEqual(
      second.diff.removed!.map((r) => (r as { code: string }).code),
      ['940330'],
    );
    assert.deepEqual(
      second.diff.changed!.map((c) => (c as { fields: string[] }).fields),
      [['measure']],
    );

    const again = await load(key, id, secondFile);
    assert.deepEqual([again.created, again.version], [false, 2]);

    const table = await t.http().get(`/goods-tables/${id}`).set(bearer(key));
    assert.equal(table.status, 200, table.text);
    assertContract(table, 'getGoodsTable');
    assert.deepEqual([table.body.version, table.body.rows], [2, 2]);
    assert.deepEqual(
      table.body.versions.map((v: Record<string, number>) => [v.version, v.added, v.removed, v.changed]),
      [
        [2, 1, 1, 1],
        [1, 2, 0, 0],
      ],
    );

    const v1 = await t.http().get(`/goods-tables/${id}/versions/1`).set(bearer(key));
    assert.equal(v1.status, 200, v1.text);
    assertContract(v1, 'getGoodsTableVersion');
    assert.deepEqual(
      v1.body.rows.map((r: { line: number; code: string; note: string | null }) => [r.line, r.code, r.note]),
      [
        [2, '940330', 'wooden furniture'],
        [3, '847130', null],
      ],
    );
    const v2 = await t.http().get(`/goods-tables/${id}/versions/2`).set(bearer(key));
    assert.equal(v2.status, 200, v2.text);
    assert.deepEqual(v2.body.diff, second.diff);
    const none = await t.http().get(`/goods-tables/${id}/versions/3`).set(bearer(key));
    assert.equal(none.status, 404, none.text);
    assertContract(none, 'getGoodsTableVersion');

    const { rows: events } = await t.container.pool.query(
      `SELECT payload FROM audit_events WHERE type = 'goods_table.uploaded' AND payload->>'tableId' = $1 ORDER BY seq`,
      [id],
    );
    assert.deepEqual(
      events.map((e) => [
        e.payload.version,
        e.payload.rows,
        e.payload.added,
        e.payload.removed,
        e.payload.changed,
      ]),
      [
        [1, 2, 2, 0, 0],
        [2, 2, 1, 1, 1],
      ],
    );
  });

  test('bad rows are 400 naming line and column, and nothing is loaded', async () => {
    const key = await newTenant();
    const id = await newTable(key);
    await load(key, id, csv(FURNITURE));
    const res = await upload(
      key,
      id,
      csv(
        LAPTOPS,
        '8542.31,HS,Russia,block,,basis,src,2022-02-26,,',
        '8703,HS,RU,ban,,basis,src,2022-13-01,,',
      ),
    );
    assert.equal(res.status, 400, res.text);
    assertContract(res, 'uploadGoodsTableRows');
    const problem = JSON.parse(res.text) as {
      detail: string;
      errors: { pointer: string; message: string }[];
    };
    assert.deepEqual(
      problem.errors.map((e) => e.pointer),
      ['/3/destination', '/4/measure', '/4/valid_from'],
    );
    assert.match(problem.errors[0]!.message, /^line 3, column destination: "RUSSIA" is not an ISO 3166 code/);
    assert.match(problem.detail, /3 problem\(s\); nothing was loaded/);
    const table = await t.http().get(`/goods-tables/${id}`).set(bearer(key));
    assert.deepEqual([table.body.version, table.body.rows], [1, 1]);

    const header = await upload(key, id, 'code,destination\n8471,RU\n');
    assert.equal(header.status, 400, header.text);
    assertContract(header, 'uploadGoodsTableRows');
    const json = await upload(key, id, JSON.stringify([{ code: '8471' }]), 'application/json');
    assert.equal(json.status, 415, json.text);
    assertContract(json, 'uploadGoodsTableRows');
    // Past 1 MiB the upload is refused before it is read (the row cap, 10 000, is the reader's: see its test).
    const line = `8471,HS,RU,block,,${'x'.repeat(400)},src,2022-01-01,,`;
    const huge = await upload(key, id, csv(...Array.from({ length: 3000 }, () => line)));
    assert.equal(huge.status, 413, huge.text.slice(0, 300));
    assertContract(huge, 'uploadGoodsTableRows');
  });

  test("another tenant's table is 404 everywhere and never screened for it", async () => {
    const owner = await newTenant();
    const other = await newTenant();
    const id = await newTable(owner);
    await load(owner, id, csv(FURNITURE));
    for (const path of [`/goods-tables/${id}`, `/goods-tables/${id}/versions/1`]) {
      const res = await t.http().get(path).set(bearer(other));
      assert.equal(res.status, 404, `${path}: ${res.text}`);
    }
    const put = await upload(other, id, csv(LAPTOPS));
    assert.equal(put.status, 404, put.text);
    assertContract(put, 'uploadGoodsTableRows');
    const listed = await t.http().get('/goods-tables').set(bearer(other));
    assert.equal(listed.status, 200, listed.text);
    assertContract(listed, 'listGoodsTables');
    assert.deepEqual(listed.body.items, []);
    assert.equal((await screen(other, furnitureToChile('2026-06-01'))).own.length, 0);
    const mine = await t.http().get('/goods-tables').set(bearer(owner));
    assert.deepEqual(
      mine.body.items.map((i: { id: string; version: number }) => [i.id, i.version]),
      [[id, 1]],
    );
  });
});

describe('POST /screen with a tenant goods table', () => {
  test('a block row blocks from its valid_from on, citing table, version, line, legal basis and source', async () => {
    const key = await newTenant();
    const id = await newTable(key, 'Furniture policy');
    // German furniture to Chile: nothing in the shipped tables, so the day before the row it is clear.
    await load(key, id, csv(LAPTOPS, FURNITURE));
    const dayBefore = await screen(key, furnitureToChile('2026-02-28'));
    assert.deepEqual([dayBefore.decision, dayBefore.own.length], ['clear', 0]);
    const onTheDay = await screen(key, furnitureToChile('2026-03-01'));
    assert.equal(onTheDay.decision, 'block');
    assert.equal(onTheDay.own.length, 1);
    const [f] = onTheDay.own;
    assert.equal(f!.severity, 'block');
    assert.equal(f!.source, `goods-table:${id}`);
    assert.deepEqual(f!.tenantTable, {
      tableId: id,
      name: 'Furniture policy',
      version: 1,
      line: 3,
      measure: 'block',
      source: 'Group policy GP-7',
      note: 'wooden furniture',
    });
    assert.deepEqual(f!.legalBasis, { act: 'Group policy GP-7 s. 3', inForce: '2026-03-01' });
    assert.match(f!.reason, /HS 9403\.30 is on line 3 of goods table "Furniture policy"/);
    // An officer reviews it like any finding: its id fits the review's findingId.
    const review = await t
      .http()
      .post(`/screenings/${onTheDay.id}/reviews`)
      .set(bearer(key))
      .send({ findingId: f!.id, disposition: 'escalate', note: 'group policy hit' });
    assert.equal(review.status, 201, review.text);
    assertContract(review, 'createScreeningReview');

    // Version 2 ends the row on 2026-06-30: screenings after it no longer see it, and cite version 2 before.
    await load(key, id, csv(LAPTOPS, FURNITURE.replace('2026-03-01,,', '2026-03-01,2026-06-30,')));
    const inside = await screen(key, furnitureToChile('2026-06-30'));
    assert.equal(inside.own[0]?.tenantTable?.version, 2);
    assert.equal((await screen(key, furnitureToChile('2026-07-01'))).own.length, 0);
    // Screened "as of" the moment of version 1, the same shipment meets version 1, whose row had no end.
    const versions = (await t.http().get(`/goods-tables/${id}`).set(bearer(key))).body.versions;
    const asOf = versions.find((v: { version: number }) => v.version === 1).uploadedAt;
    const then = await screen(key, { ...furnitureToChile('2026-07-01'), options: { asOf } });
    assert.deepEqual(
      then.own.map((f) => f.tenantTable?.version),
      [1],
    );
  });

  test('a review row reviews; a table never turns a shipped block into less', async () => {
    const key = await newTenant();
    const id = await newTable(key);
    await load(
      key,
      id,
      csv('9403.30,HS,CL,review,,policy,memo,2020-01-01,,', '8542,HS,RU,review,,policy,memo,2020-01-01,,'),
    );
    const reviewed = await screen(key, furnitureToChile('2026-06-01'));
    assert.deepEqual([reviewed.decision, reviewed.own.map((f) => f.severity)], ['review', ['review']]);
    // options.lists names shared lists only (the policy keeps the control lists in): a selection still applies
    // the tenant's own table, which no list id names.
    const include = ['us-ofac-sdn', ...SHIPPED_LIST_IDS];
    const selected = { ...furnitureToChile('2026-06-01'), options: { lists: { include } } };
    assert.deepEqual(
      (await screen(key, selected)).own.map((f) => f.severity),
      ['review'],
    );

    const blocked = await screen(key, { ...FIXTURE_BLOCKED_SHIPMENT, date: '2026-06-01' });
    assert.equal(blocked.decision, 'block');
    assert.deepEqual(
      blocked.own.map((f) => f.severity),
      ['review'],
    );
    assert.ok(blocked.findings.some((f) => f.severity === 'block' && f.source === 'chpl'));
  });

  test('licences apply to a licence_required row as to a shipped control of the same regime', async () => {
    const key = await newTenant();
    const id = await newTable(key);
    await load(
      key,
      id,
      csv(
        '5A002,,CL,licence_required,EU,Reg. (EU) 2021/821 Art. 3,https://eur-lex.europa.eu/eli/reg/2021/821/oj,2021-09-09,,',
        '5A002,,*,review,,Group policy GP-7,memo,2021-09-09,,',
      ),
    );
    const consignee = 'Andes Telecom SpA';
    const crypto = {
      date: '2026-06-01',
      parties: [
        { role: 'exporter', kind: 'organization', name: 'Muster Kryptotechnik GmbH', country: 'DE' },
        { role: 'consignee', kind: 'organization', name: consignee },
      ],
      goods: [{ controlNumber: '5A002.a.1', originCountry: 'DE' }],
      route: { origin: 'DE', destination: 'CL' },
    };
    const unlicensed = await screen(key, crypto);
    assert.deepEqual(
      unlicensed.own.map((f) => [f.tenantTable?.line, f.severity, f.licensed]),
      [
        [2, 'review', undefined],
        [3, 'review', undefined],
      ],
    );
    const licence = await t
      .http()
      .post('/licences')
      .set(bearer(key))
      .send({
        number: 'DE-GT-1',
        authority: 'BAFA',
        regime: 'EU',
        goods: [{ controlNumber: '5A002' }],
        destination: 'CL',
        consignee,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      });
    assert.equal(licence.status, 201, licence.text);
    const licensed = await screen(key, crypto);
    const [eu, policy] = licensed.own;
    assert.equal(eu?.licensed?.number, 'DE-GT-1');
    // A row with no jurisdiction is the tenant's own policy: no licence regime covers it, and it says so.
    assert.equal(policy?.licensed, undefined);
    assert.match(policy?.licenceChecks?.[0]?.reason ?? '', /does not cover a tenant control/);
    assert.equal(licensed.decision, 'review');
  });
});

describe('GET /audit/verify and goods tables', () => {
  test('a row slipped into a version, or a version with no event, is reported against the chain', async () => {
    const key = await newTenant();
    const id = await newTable(key);
    await load(key, id, csv(FURNITURE));
    await load(key, id, csv(FURNITURE, LAPTOPS));
    const clean = await t.http().get('/audit/verify').set(bearer(key));
    assert.equal(clean.status, 200, clean.text);
    assert.equal(clean.body.ok, true, clean.text);
    // What a superuser could do past the trigger: a block row added to version 1, a version 3 with no upload.
    const extra = { ...(await t.http().get(`/goods-tables/${id}/versions/1`).set(bearer(key))).body.rows[0] };
    extra.code = '8542';
    const client = await t.container.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE goods_table_versions DISABLE TRIGGER goods_table_versions_append_only');
      await client.query(
        `UPDATE goods_table_versions SET rows = rows || $2::jsonb WHERE table_id = $1 AND version = 1`,
        [id, JSON.stringify([extra])],
      );
      await client.query(
        `INSERT INTO goods_table_versions (table_id, version, uploaded_at, content_hash, rows, added, removed, changed)
         SELECT table_id, 3, now(), content_hash, rows, 0, 0, 0 FROM goods_table_versions
         WHERE table_id = $1 AND version = 2`,
        [id],
      );
      await client.query('ALTER TABLE goods_table_versions ENABLE TRIGGER goods_table_versions_append_only');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const res = await t.http().get('/audit/verify').set(bearer(key));
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'verifyAuditChain');
    assert.equal(res.body.ok, false);
    assert.deepEqual(
      (res.body.problems as { table: string; id: string; field: string | null }[])
        .filter((p) => p.table === 'goods_table_versions')
        .map((p) => [p.id, p.field]),
      [
        [`${id}@1`, 'rows'],
        [`${id}@3`, null],
      ],
    );
  });
});
