import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { ADA, BOB, NORDLICHT, PETROV, reviewsHelpers } from './support.ts';

let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});
const h = reviewsHelpers(() => t);
const reviewable = (s: { findings: { id: string; severity: string }[] }) =>
  s.findings.filter((f) => f.severity === 'review' || f.severity === 'block').map((f) => f.id);

async function reviewEvents(screeningId: string) {
  const { rows } = await t.container.pool.query(
    `SELECT payload FROM audit_events WHERE type = 'screening.review' AND payload->>'screeningId' = $1
     ORDER BY seq`,
    [screeningId],
  );
  return rows.map((r) => r.payload as { findingId: string; reviewId: string; note: string });
}

describe('bulk resolution', () => {
  test('the remaining findings are resolved with one note, each with its own audited review', async () => {
    const { admin } = await h.newTenant('bulk-bank');
    const ada = await h.personKey(admin, ADA);
    const s = await h.screen(admin, [PETROV, NORDLICHT]);
    const ids = reviewable(s);
    assert.ok(ids.length >= 2, JSON.stringify(s.findings));
    const [first, ...remaining] = ids;
    assert.equal((await h.review(admin, s.id, first!, 'true_match', 'same DOB')).status, 201);

    const res = await h.bulk(ada.key, s.id, remaining, 'false_positive', 'other firms, other registers');
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(
      res.body.items.map((r: { findingId: string }) => r.findingId),
      remaining,
    );
    assert.ok(res.body.items.every((r: { reviewedBy: string }) => r.reviewedBy.startsWith('Ada Lovelace')));
    assert.deepEqual(await h.state(admin, s.id), ['resolved', 'block']);

    const events = await reviewEvents(s.id);
    assert.deepEqual(
      events.map((e) => e.findingId),
      [first, ...remaining],
    );
    assert.equal(new Set(events.map((e) => e.reviewId)).size, events.length, 'one event per review');
    assert.ok(events.slice(1).every((e) => e.note === 'other firms, other registers'));
    assert.equal((await h.verify(admin)).ok, true);
  });

  test('one unknown finding refuses the whole batch and records nothing', async () => {
    const { admin } = await h.newTenant('bulk-atomic');
    const s = await h.screen(admin, [PETROV, NORDLICHT]);
    const ids = reviewable(s);
    const res = await h.bulk(admin, s.id, [ids[0]!, 'party:9:nope:1'], 'true_match');
    assert.equal(res.status, 400);
    assert.equal(JSON.parse(res.text).errors[0].pointer, '/findingIds/1');
    assert.deepEqual(await reviewEvents(s.id), []);
    assert.deepEqual(await h.state(admin, s.id), ['open', null]);

    const duplicate = await h.bulk(admin, s.id, [ids[0]!, ids[0]!], 'true_match');
    assert.equal(duplicate.status, 400);
    const empty = await h.bulk(admin, s.id, [], 'true_match');
    assert.equal(empty.status, 400);
    const missing = await h.bulk(admin, '00000000-0000-4000-8000-000000000000', [ids[0]!], 'true_match');
    assert.equal(missing.status, 404);
  });

  test('four eyes still holds in bulk: the same person twice is refused, a second person resolves', async () => {
    const { admin } = await h.newTenant('bulk-four-eyes', { fourEyes: true });
    const ada1 = await h.personKey(admin, ADA);
    const ada2 = await h.personKey(admin, ADA);
    const bob = await h.personKey(admin, BOB);
    const s = await h.screen(admin, [PETROV, NORDLICHT]);
    const ids = reviewable(s);
    assert.ok(
      s.findings.some((f) => f.severity === 'block'),
      'at least one block finding needs the second pair of eyes',
    );

    assert.equal((await h.bulk(ada1.key, s.id, ids, 'false_positive', 'namesakes')).status, 201);
    assert.deepEqual(await h.state(admin, s.id), ['in_review', null]);
    const before = (await reviewEvents(s.id)).length;
    const again = await h.bulk(ada2.key, s.id, ids, 'false_positive', 'namesakes, again');
    assert.equal(again.status, 409);
    assert.equal((await reviewEvents(s.id)).length, before, 'nothing of the refused batch was recorded');

    assert.equal((await h.bulk(bob.key, s.id, ids, 'false_positive', 'agree')).status, 201);
    assert.deepEqual(await h.state(admin, s.id), ['resolved', 'clear']);
    assert.equal((await h.verify(admin)).ok, true);
  });
});
