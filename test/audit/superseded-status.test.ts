import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listedStatus } from '../../src/reviews/review-status.ts';
import { NORDLICHT, newTenant, PETROV, post, screen, useApp } from '../reviews/queue-support.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

// A screening a newer one of its reference superseded left the queue: the audit log, the screening itself and
// the dashboard's backlog must not call it open work. Each test works in a tenant of its own.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
  useApp(t);
});
after(async () => {
  await t?.close();
});

interface Summary {
  id: string;
  reviewStatus: string;
}

async function log(key: string, query: Record<string, string> = {}) {
  const res = await t.http().get('/screenings').query(query).set(bearer(key));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'listScreenings');
  return (res.body.items as Summary[]).map((s) => [s.id, s.reviewStatus]);
}

async function stored(key: string, id: string) {
  const res = await t.http().get(`/screenings/${id}`).set(bearer(key));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'getScreening');
  return { reviewStatus: res.body.reviewStatus as string, outcome: res.body.outcome as string | null };
}

describe('superseded screenings', () => {
  test('listedStatus: superseded unless resolved', () => {
    assert.equal(listedStatus('open', true), 'superseded');
    assert.equal(listedStatus('in_review', true), 'superseded');
    assert.equal(listedStatus('resolved', true), 'resolved');
    assert.equal(listedStatus('open', false), 'open');
  });

  test('GET /screenings and GET /screenings/{id} list them as superseded, and filter them apart', async () => {
    const { key } = await newTenant();
    const first = await screen(key, 'PO-S1', NORDLICHT);
    assert.equal(first.decision, 'review');
    // An officer had started on it: in review, then the ERP re-screened the order.
    const started = await post(key, `/screenings/${first.id}/reviews`, {
      findingId: first.findings[0]!.id,
      disposition: 'escalate',
      note: 'Asking the sales team for the registry extract.',
    });
    assert.equal(started.status, 201, started.text);
    assert.equal((await stored(key, first.id)).reviewStatus, 'in_review');
    const second = await screen(key, 'PO-S1', NORDLICHT);
    const other = await screen(key, 'PO-S2', PETROV);
    assert.equal(other.decision, 'block');

    assert.deepEqual(await log(key), [
      [other.id, 'open'],
      [second.id, 'open'],
      [first.id, 'superseded'],
    ]);
    assert.deepEqual(await stored(key, first.id), { reviewStatus: 'superseded', outcome: null });
    assert.equal((await stored(key, second.id)).reviewStatus, 'open');

    assert.deepEqual(await log(key, { reviewStatus: 'open' }), [
      [other.id, 'open'],
      [second.id, 'open'],
    ]);
    assert.deepEqual(await log(key, { reviewStatus: 'in_review' }), []);
    assert.deepEqual(await log(key, { reviewStatus: 'superseded' }), [[first.id, 'superseded']]);
    // The party-name search walks other tables; the status means the same there.
    assert.deepEqual(await log(key, { reviewStatus: 'superseded', partyName: 'Nordlicht Handel' }), [
      [first.id, 'superseded'],
    ]);
    assert.deepEqual(await log(key, { reviewStatus: 'open', partyName: 'Nordlicht Handel' }), [
      [second.id, 'open'],
    ]);

    // The export says the same as the log.
    const csv = await t
      .http()
      .get('/screenings/export')
      .query({ reviewStatus: 'superseded' })
      .set(bearer(key));
    assert.equal(csv.status, 200, csv.text);
    const rows = csv.text.trim().split('\n').slice(1);
    assert.equal(rows.length, 1);
    assert.ok(rows[0]!.startsWith(`${first.id},`) && rows[0]!.includes(',superseded,'), rows[0]);
  });

  test('a superseded screening reviewed to the end is resolved, its outcome kept', async () => {
    const { key } = await newTenant();
    const first = await screen(key, 'PO-S3', NORDLICHT);
    await screen(key, 'PO-S3', NORDLICHT);
    assert.equal((await stored(key, first.id)).reviewStatus, 'superseded');
    for (const f of first.findings.filter((x) => x.severity === 'review' || x.severity === 'block')) {
      const res = await post(key, `/screenings/${first.id}/reviews`, {
        findingId: f.id,
        disposition: 'false_positive',
        note: 'Different company: registry number differs.',
      });
      assert.equal(res.status, 201, res.text);
    }
    assert.deepEqual(await stored(key, first.id), { reviewStatus: 'resolved', outcome: 'clear' });
    assert.deepEqual(await log(key, { reviewStatus: 'superseded' }), []);
    assert.deepEqual(
      (await log(key, { reviewStatus: 'resolved' })).map(([id]) => id),
      [first.id],
    );
  });

  test("the dashboard's open backlog leaves superseded screenings out", async () => {
    const { key } = await newTenant();
    await screen(key, 'PO-S4', NORDLICHT);
    await screen(key, 'PO-S4', NORDLICHT);
    await screen(key, 'PO-S4', NORDLICHT);
    await screen(key, 'PO-S5', PETROV);
    const res = await t.http().get('/dashboard').set(bearer(key));
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'getDashboard');
    assert.equal(res.body.backlog.total, 2);
  });
});
