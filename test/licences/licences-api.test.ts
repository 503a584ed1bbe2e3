import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Response } from 'supertest';
import { assertContract } from '../support/contract.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';
import { createLicence, licenceBody, newTenant } from './support.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => {
  await t?.close();
});

describe('POST /licences', () => {
  test('records a licence, returns it as stored, and GET /licences/{id} reads it back', async () => {
    const key = await newTenant(t);
    const body = licenceBody({
      validTo: '2099-12-31',
      quantityLimit: 100,
      valueLimit: 250000.5,
      currency: 'EUR',
    });
    const made = await createLicence(t, key, body);
    assert.equal(made.status, 'valid');
    const got = await t.http().get(`/licences/${made.id}`).set(bearer(key));
    assert.equal(got.status, 200, got.text);
    assertContract(got, 'getLicence');
    const stored = got.body as Record<string, unknown>;
    assert.deepEqual(made, stored);
    for (const [k, v] of Object.entries(body)) assert.deepEqual(stored[k], v, k);
    assert.equal(stored.revokedAt, null);
  });

  test('status follows today: an expired licence is listed as expired', async () => {
    const key = await newTenant(t);
    const made = await createLicence(t, key, { validFrom: '2024-01-01', validTo: '2025-12-31' });
    assert.equal(made.status, 'expired');
  });

  test('bad input is 400 naming the field; the same authority and number twice is 409', async () => {
    const key = await newTenant(t);
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ validFrom: '2026-12-31', validTo: '2026-01-01' }, /validTo/],
      [{ consignee: undefined }, /consignee|endUser|anyOf/],
      [{ valueLimit: 10 }, /currency/],
      [{ goods: [{ controlNumber: 'XYZ' }] }, /controlNumber/],
      [{ goods: [{ code: '85' }] }, /code/],
      [{ goods: [{ description: 'no code' }] }, /goods/],
      [{ destination: 'china' }, /destination/],
      [{ regime: 'FR' }, /regime/],
    ];
    for (const [over, field] of bad) {
      const res = await t.http().post('/licences').set(bearer(key)).send(licenceBody(over));
      assert.equal(res.status, 400, `${JSON.stringify(over)}: ${res.text}`);
      assertContract(res, 'createLicence');
      assert.match(res.text, field, JSON.stringify(over));
    }
    await createLicence(t, key);
    const again = await t.http().post('/licences').set(bearer(key)).send(licenceBody());
    assert.equal(again.status, 409, again.text);
    assertContract(again, 'createLicence');
    // Another authority may issue the same number.
    await createLicence(t, key, { authority: 'ECJU', regime: 'UK' });
  });
});

describe('GET /licences', () => {
  test('pages newest first with an opaque cursor; another tenant sees none of them', async () => {
    const key = await newTenant(t);
    const made = [];
    for (const n of ['A-1', 'A-2', 'A-3']) made.push(await createLicence(t, key, { number: n }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t
        .http()
        .get('/licences')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(key));
      assert.equal(res.status, 200, res.text);
      assertContract(res, 'listLicences');
      seen.push(...res.body.items.map((l: { number: string }) => l.number));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['A-3', 'A-2', 'A-1']);
    const other = await t
      .http()
      .get('/licences')
      .set(bearer(await newTenant(t)));
    assert.deepEqual(other.body, { items: [], nextCursor: null });
    const badCursor = await t.http().get('/licences').query({ cursor: 'nope' }).set(bearer(key));
    assert.equal(badCursor.status, 400, badCursor.text);
    assertContract(badCursor, 'listLicences');
  });
});

describe('POST /licences/{id}/revoke', () => {
  test('revokes once, with who and why; audited in the chain, which still verifies', async () => {
    const key = await newTenant(t);
    const made = await createLicence(t, key);
    const res = await t
      .http()
      .post(`/licences/${made.id}/revoke`)
      .set(bearer(key))
      .send({ reason: 'end user changed' });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'revokeLicence');
    assert.equal(res.body.status, 'revoked');
    assert.equal(res.body.revocationReason, 'end user changed');
    assert.ok(res.body.revokedAt && res.body.revokedBy);
    const twice = await t
      .http()
      .post(`/licences/${made.id}/revoke`)
      .set(bearer(key))
      .send({ reason: 'again' });
    assert.equal(twice.status, 409, twice.text);
    assertContract(twice, 'revokeLicence');
    const unknown = await t
      .http()
      .post('/licences/01900000-0000-7000-8000-000000000009/revoke')
      .set(bearer(key))
      .send({ reason: 'x' });
    assert.equal(unknown.status, 404, unknown.text);

    const tenantId = (await t.http().get('/whoami').set(bearer(key))).body.tenantId;
    const { rows } = await t.container.pool.query(
      `SELECT type, payload FROM audit_events WHERE tenant_id = $1 AND type LIKE 'licence.%' ORDER BY seq`,
      [tenantId],
    );
    assert.deepEqual(
      rows.map((r) => [r.type, r.payload.number ?? null]),
      [
        ['licence.created', 'DE-2026-0001'],
        ['licence.revoked', 'DE-2026-0001'],
      ],
    );
    assert.equal(rows[0].payload.destination, 'CN');
    assert.equal(rows[1].payload.reason, 'end user changed');
    const verify = await t.http().get('/audit/verify').set(bearer(key));
    assert.equal(verify.status, 200, verify.text);
    assert.equal(verify.body.ok, true, verify.text);
  });

  test('the database refuses to edit, delete or un-revoke a licence', async () => {
    const key = await newTenant(t);
    const made = await createLicence(t, key);
    const db = t.container.pool;
    await assert.rejects(
      db.query(`UPDATE licences SET destination = 'RU' WHERE id = $1`, [made.id]),
      /append-only/,
    );
    await assert.rejects(db.query(`DELETE FROM licences WHERE id = $1`, [made.id]), /append-only/);
    await t.http().post(`/licences/${made.id}/revoke`).set(bearer(key)).send({ reason: 'gone' });
    await assert.rejects(
      db.query(`UPDATE licences SET revoked_at = NULL, revocation_reason = NULL WHERE id = $1`, [made.id]),
      /append-only/,
    );
    const { rows } = await db.query(`SELECT destination, revoked_at FROM licences WHERE id = $1`, [made.id]);
    assert.equal(rows[0].destination, 'CN');
    assert.ok(rows[0].revoked_at);
  });
});

describe('GET /audit/verify and licences', () => {
  test('a licence widened or made valid again behind the service is reported against its events', async () => {
    const key = await newTenant(t);
    const made = await createLicence(t, key);
    const revoked = await createLicence(t, key, { number: 'R-2' });
    await t.http().post(`/licences/${revoked.id}/revoke`).set(bearer(key)).send({ reason: 'suspended' });
    const clean = await t.http().get('/audit/verify').set(bearer(key));
    assert.equal(clean.body.ok, true, clean.text);
    // What a superuser could do past the triggers: widen one licence, bring the revoked one back.
    const client = await t.container.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE licences DISABLE TRIGGER licences_append_only');
      await client.query(`UPDATE licences SET destination = 'RU', valid_to = '2099-12-31' WHERE id = $1`, [
        made.id,
      ]);
      await client.query(
        `UPDATE licences SET revoked_at = NULL, revoked_by = NULL, revocation_reason = NULL WHERE id = $1`,
        [revoked.id],
      );
      await client.query('ALTER TABLE licences ENABLE TRIGGER licences_append_only');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const res = await t.http().get('/audit/verify').set(bearer(key));
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'verifyAuditChain');
    assert.equal(res.body.ok, false);
    const found = (res.body.problems as { table: string; id: string; field: string }[])
      .filter((p) => p.table === 'licences')
      .map((p) => [p.id === made.id ? 'made' : 'revoked', p.field]);
    assert.deepEqual(found.sort(), [
      ['made', 'destination'],
      ['made', 'validTo'],
      ['revoked', 'revocation_reason'],
      ['revoked', 'revoked_at'],
      ['revoked', 'revoked_by'],
    ]);
  });
});

describe('POST /licences/{id}/drawdowns', () => {
  test('shipments draw on the limits until nothing is left; each is audited and kept', async () => {
    const key = await newTenant(t);
    const limits = { quantityLimit: 100, valueLimit: 1000, currency: 'EUR' };
    const made = await createLicence(t, key, limits);
    const draw = (body: object, as = key) =>
      t.http().post(`/licences/${made.id}/drawdowns`).set(bearer(as)).send(body);
    const first = await draw({
      shippedOn: '2026-03-01',
      quantity: 60,
      value: 600,
      currency: 'EUR',
      reference: 'MRN-1',
    });
    assert.equal(first.status, 201, first.text);
    assertContract(first, 'createLicenceDrawdown');
    assert.deepEqual([first.body.quantityUsed, first.body.valueUsed], [60, 600]);
    const refused: [object, number, RegExp][] = [
      [{ shippedOn: '2026-03-02', quantity: 41 }, 409, /40 of 100 left/],
      [{ shippedOn: '2026-03-02', value: 401, currency: 'EUR' }, 409, /400 EUR of 1000 left/],
      [{ shippedOn: '2026-03-02', value: 1, currency: 'USD' }, 400, /EUR/],
      [{ shippedOn: '2027-01-01', quantity: 1 }, 409, /not on 2027-01-01/],
      [{ shippedOn: '2026-03-02' }, 400, /a quantity, a value or both/],
    ];
    for (const [body, status, why] of refused) {
      const res = await draw(body);
      assert.equal(res.status, status, `${JSON.stringify(body)}: ${res.text}`);
      assertContract(res, 'createLicenceDrawdown');
      assert.match(res.body.detail, why);
    }
    // Another tenant's key finds no such licence.
    const other = await draw({ shippedOn: '2026-03-02', quantity: 1 }, await newTenant(t));
    assert.equal(other.status, 404, other.text);
    const last = await draw({ shippedOn: '2026-03-03', quantity: 40 });
    assert.equal(last.status, 201, last.text);
    assert.equal(last.body.quantityUsed, 100);
    const revoked = await createLicence(t, key, { number: 'R-3' });
    await t.http().post(`/licences/${revoked.id}/revoke`).set(bearer(key)).send({ reason: 'x' });
    const onRevoked = await t
      .http()
      .post(`/licences/${revoked.id}/drawdowns`)
      .set(bearer(key))
      .send({ shippedOn: '2026-03-01', quantity: 1 });
    assert.equal(onRevoked.status, 409, onRevoked.text);

    const { rows } = await t.container.pool.query(
      `SELECT payload FROM audit_events WHERE type = 'licence.drawn_down' AND payload->>'licenceId' = $1 ORDER BY seq`,
      [made.id],
    );
    assert.deepEqual(
      rows.map((r) => [r.payload.quantity, r.payload.reference]),
      [
        [60, 'MRN-1'],
        [40, null],
      ],
    );
    await assert.rejects(
      t.container.pool.query(`DELETE FROM licence_drawdowns WHERE licence_id = $1`, [made.id]),
      /audit|append/i,
    );
  });
});

describe('GET /audit/verify and drawdowns', () => {
  test('a drawdown deleted or shrunk behind the service is reported: it would give the licence back', async () => {
    const key = await newTenant(t);
    const made = await createLicence(t, key, { quantityLimit: 100 });
    for (const quantity of [30, 20]) {
      const res = await t
        .http()
        .post(`/licences/${made.id}/drawdowns`)
        .set(bearer(key))
        .send({ shippedOn: '2026-04-01', quantity });
      assert.equal(res.status, 201, res.text);
    }
    assert.equal((await t.http().get('/audit/verify').set(bearer(key))).body.ok, true);
    const client = await t.container.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE licence_drawdowns DISABLE TRIGGER licence_drawdowns_append_only');
      await client.query(`DELETE FROM licence_drawdowns WHERE licence_id = $1 AND quantity = 30`, [made.id]);
      await client.query(`UPDATE licence_drawdowns SET quantity = 1 WHERE licence_id = $1`, [made.id]);
      await client.query('ALTER TABLE licence_drawdowns ENABLE TRIGGER licence_drawdowns_append_only');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const res = await t.http().get('/audit/verify').set(bearer(key));
    assertContract(res, 'verifyAuditChain');
    assert.equal(res.body.ok, false);
    const found = (res.body.problems as { table: string; field: string | null; detail: string }[])
      .filter((p) => p.table === 'licence_drawdowns')
      .map((p) => p.field ?? p.detail);
    assert.deepEqual(found.sort(), ['missing: its audit event vouches for it', 'quantity']);
  });
});
