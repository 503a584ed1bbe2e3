import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { ADA, BOB, NORDLICHT, reviewsHelpers } from './support.ts';

let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});
const h = reviewsHelpers(() => t);
const blockFinding = (s: { findings: { id: string; severity: string; entry?: { id: string } }[] }) =>
  s.findings.find((f) => f.entry?.id === '91003' && f.severity === 'block')!;

describe('named reviewers', () => {
  test('a key can belong to a person: stored, listed, shown by /whoami and in its audit event', async () => {
    const { admin } = await h.newTenant('people-bank');
    const res = await t
      .http()
      .post('/keys')
      .set(bearer(admin))
      .send({
        name: 'Ada',
        scopes: ['review'],
        person: { name: ' Ada Lovelace ', email: 'Ada@Example.COM' },
      });
    assertContract(res, 'createApiKey');
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.person, ADA, 'name trimmed, e-mail lower-cased');

    const listed = await t.http().get('/keys').set(bearer(admin));
    assertContract(listed, 'listApiKeys');
    const byId = new Map(listed.body.items.map((k: { id: string; person: unknown }) => [k.id, k.person]));
    assert.deepEqual(byId.get(res.body.id), ADA);
    assert.ok([...byId.values()].includes(null), 'the first admin key belongs to nobody');

    const whoami = await t.http().get('/whoami').set(bearer(res.body.key));
    assertContract(whoami, 'getCurrentKey');
    assert.deepEqual(whoami.body.person, ADA);

    const ev = await t.container.pool.query(
      `SELECT payload FROM audit_events WHERE type = 'api_key.created' AND payload->>'keyId' = $1`,
      [res.body.id],
    );
    assert.deepEqual(ev.rows[0]?.payload.person, ADA);
  });

  test("the operator's tenant:create can give the first key a person (same normal form as POST /keys)", async () => {
    const created = await createTenantService(t.container.pool, t.container.keys).create(
      'first-person-bank',
      'First Person Bank',
      { name: 'Ada Lovelace', email: 'ADA@example.com' },
    );
    assert.deepEqual(created.key.person, ADA);
    const whoami = await t.http().get('/whoami').set(bearer(created.key.key));
    assertContract(whoami, 'getCurrentKey');
    assert.deepEqual(whoami.body.person, ADA);
  });

  test('a malformed person is refused with 400 naming the field', async () => {
    const { admin } = await h.newTenant('bad-people-bank');
    const bad: [object, string][] = [
      [{ name: 'Ada' }, '/person/email'],
      [{ name: 'Ada', email: 'not an address' }, '/person/email'],
      [{ name: 'Ada <root@x.org>', email: 'ada@example.com' }, '/person/name'],
      [{ name: '   ', email: 'ada@example.com' }, '/person/name'],
      [{ name: 'Ada\u0007', email: 'ada@example.com' }, '/person/name'],
      [{ name: 'Ada', email: 'ada@example.com', role: 'admin' }, '/person/role'],
    ];
    for (const [person, pointer] of bad) {
      const res = await t
        .http()
        .post('/keys')
        .set(bearer(admin))
        .send({ name: 'k', scopes: ['review'], person });
      assertContract(res, 'createApiKey');
      assert.equal(res.status, 400, JSON.stringify(person));
      const problem = JSON.parse(res.text) as { errors?: { pointer: string }[] };
      assert.ok(
        problem.errors?.some((e) => e.pointer === pointer),
        `${JSON.stringify(person)}: ${res.text}`,
      );
    }
  });

  test('four eyes counts people: two keys of one person cannot clear a block finding, another person can', async () => {
    const { admin } = await h.newTenant('four-eyes-people', { fourEyes: true });
    const ada1 = await h.personKey(admin, ADA);
    const ada2 = await h.personKey(admin, { ...ADA, email: 'ADA@example.com' });
    const bob = await h.personKey(admin, BOB);
    const s = await h.screen(admin, [NORDLICHT]);
    const f = blockFinding(s);
    assert.ok(f, JSON.stringify(s.findings));

    assert.equal((await h.review(ada1.key, s.id, f.id, 'false_positive', 'Hamburg firm')).status, 201);
    const again = await h.review(ada2.key, s.id, f.id, 'false_positive', 'still Hamburg');
    assert.equal(again.status, 409, 'the same person with another key is not a second pair of eyes');
    assert.match(JSON.parse(again.text).detail, /Four eyes/);
    assert.deepEqual(await h.state(admin, s.id), ['in_review', null]);

    assert.equal((await h.review(bob.key, s.id, f.id, 'false_positive', 'agree')).status, 201);
    assert.deepEqual(await h.state(admin, s.id), ['resolved', 'clear']);
  });

  test('a review shows its person; a key without a person is shown as the key; the audit chain covers both', async () => {
    const { admin, adminKeyId } = await h.newTenant('signed-reviews');
    const ada = await h.personKey(admin, ADA);
    const s = await h.screen(admin, [NORDLICHT]);
    const f = blockFinding(s);
    assert.equal((await h.review(admin, s.id, f.id, 'escalate', 'ask Ada')).status, 201);
    const made = await h.review(ada.key, s.id, f.id, 'true_match', 'same register number');
    assert.equal(made.status, 201);
    assert.equal(made.body.reviewedBy, `Ada Lovelace <ada@example.com> (key ${ada.id})`);

    const items = await h.reviews(admin, s.id);
    assert.deepEqual(
      items.map((r) => [r.reviewer, r.reviewedBy]),
      [
        [null, `key ${adminKeyId}`],
        [ADA, `Ada Lovelace <ada@example.com> (key ${ada.id})`],
      ],
    );
    const events = await t.container.pool.query(
      `SELECT payload FROM audit_events WHERE type = 'screening.review' AND payload->>'screeningId' = $1
       ORDER BY seq`,
      [s.id],
    );
    assert.deepEqual(
      events.rows.map((r) => r.payload.reviewer),
      [null, ADA],
    );
    assert.equal((await h.verify(admin)).ok, true);
  });

  test("a review's signer rewritten behind the API's back is reported by /audit/verify", async () => {
    const { admin } = await h.newTenant('resigned-reviews');
    const ada = await h.personKey(admin, ADA);
    const s = await h.screen(admin, [NORDLICHT]);
    const f = blockFinding(s);
    const byAda = await h.review(ada.key, s.id, f.id, 'escalate', 'ask the MLRO');
    const byKey = await h.review(admin, s.id, f.id, 'escalate', 'still open');
    assert.equal((await h.verify(admin)).ok, true);
    // As a superuser would: replica mode skips the append-only trigger of migration 0005.
    const client = await t.container.pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(
        `UPDATE screening_reviews SET reviewer_name = $2, reviewer_email = $3 WHERE id = $1`,
        [byAda.body.id, BOB.name, BOB.email],
      );
      await client.query(
        `UPDATE screening_reviews SET reviewer_name = $2, reviewer_email = $3 WHERE id = $1`,
        [byKey.body.id, ADA.name, ADA.email],
      );
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
    const v = await h.verify(admin);
    assert.equal(v.ok, false);
    const reported = v.problems
      .filter((p) => p.table === 'screening_reviews')
      .map((p) => `${p.id} ${p.field}`)
      .sort();
    assert.deepEqual(
      reported,
      [
        `${byAda.body.id} reviewer_email`,
        `${byAda.body.id} reviewer_name`,
        `${byKey.body.id} reviewer_email`,
        `${byKey.body.id} reviewer_name`,
      ].sort(),
    );
  });

  test('the CSV export names each reviewer once, in review order', async () => {
    const { admin, adminKeyId } = await h.newTenant('export-reviewers');
    const ada = await h.personKey(admin, ADA);
    const s = await h.screen(admin, [NORDLICHT], { reference: 'exp-people-1' });
    const f = blockFinding(s);
    await h.review(ada.key, s.id, f.id, 'escalate', 'unsure');
    await h.review(admin, s.id, f.id, 'escalate', 'still unsure');
    await h.review(ada.key, s.id, f.id, 'true_match', 'confirmed');
    const csv = await t
      .http()
      .get('/screenings/export')
      .query({ reference: 'exp-people-1', format: 'csv' })
      .set(bearer(admin));
    assertContract(csv, 'exportScreenings');
    const [header, row] = csv.text.trimEnd().split('\r\n');
    assert.equal(header?.split(',').at(-1), 'reviewedBy');
    assert.ok(row?.endsWith(`,Ada Lovelace <ada@example.com> (key ${ada.id}) | key ${adminKeyId}`), row);
    const nd = await t
      .http()
      .get('/screenings/export')
      .query({ reference: 'exp-people-1', format: 'ndjson' })
      .set(bearer(admin));
    assert.deepEqual(JSON.parse(nd.text.trim()).reviewedBy, [
      `Ada Lovelace <ada@example.com> (key ${ada.id})`,
      `key ${adminKeyId}`,
    ]);
  });
});
