import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import {
  CLEAN,
  item,
  keyWith,
  NORDLICHT,
  newTenant,
  PETROV,
  post,
  queue,
  screen,
  screenAgo,
  useApp,
} from './queue-support.ts';

// GET /queue: supersession, filters, counts and ageing, on the real app and database. Each test works in a
// tenant of its own, so the queue's counts are exactly what the test made.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
  useApp(t);
});
after(async () => {
  await t?.close();
});

describe('GET /queue', () => {
  test('a re-screen of a reference supersedes the open item, which stays readable and linked', async () => {
    const { key } = await newTenant();
    const first = await screen(key, 'PO-7', NORDLICHT);
    assert.equal(first.decision, 'review');
    const claimed = await post(key, `/queue/${first.id}/claim`);
    assert.equal(claimed.status, 200, claimed.text);
    const second = await screen(key, 'PO-7', NORDLICHT);
    const other = await screen(key, 'PO-8', NORDLICHT);

    const page = await queue(key);
    assert.deepEqual(
      page.items.map((i) => i.screeningId),
      [second.id, other.id],
    );
    const current = page.items[0]!;
    assert.equal(current.supersedes, first.id);
    assert.equal(
      current.assignee,
      claimed.body.assignee,
      'the claim follows the case to its newer screening',
    );
    assert.equal(page.counts.open, 2);

    const old = await item(key, first.id);
    assert.equal(old.status, 200);
    assert.equal(old.body.state, 'superseded');
    assert.equal(old.body.supersededBy, second.id);
    assert.ok(old.body.closedAt);
    // Nothing is lost: the older screening and its audit event are still there, unchanged.
    const stored = await t.http().get(`/screenings/${first.id}`).set(bearer(key));
    assert.equal(stored.status, 200);
    assert.equal(stored.body.result.id, first.id);
    const { rows } = await t.container.pool.query(
      `SELECT 1 FROM audit_events WHERE type = 'screening' AND payload->>'screeningId' = $1`,
      [first.id],
    );
    assert.equal(rows.length, 1);
    // Working on a superseded item is refused with the way to the current one.
    const stale = await post(key, `/queue/${first.id}/claim`);
    assert.equal(stale.status, 409);
    assertContract(stale, 'claimQueueItem');
    assert.match(stale.text, new RegExp(second.id));

    // A re-screen that comes back clear closes the case: a clear screening waits for nobody.
    const cleared = await screen(key, 'PO-7', CLEAN);
    assert.equal(cleared.decision, 'clear');
    const after = await queue(key);
    assert.deepEqual(
      after.items.map((i) => i.screeningId),
      [other.id],
    );
    assert.equal((await item(key, second.id)).body.supersededBy, cleared.id);
    assert.equal((await item(key, cleared.id)).status, 404);

    const verify = await t.http().get('/audit/verify').set(bearer(key));
    assert.equal(verify.status, 200, verify.text);
    assert.equal(verify.body.ok, true, verify.text);
  });

  test('re-screens of one reference in one batch leave one open item, linked in order', async () => {
    const { key } = await newTenant();
    const res = await post(key, '/screen/batch', {
      items: [1, 2, 3].map(() => ({ reference: 'PO-B', parties: [NORDLICHT] })),
    });
    assert.equal(res.status, 200, res.text);
    const ids = (res.body.items as { result: { id: string } }[]).map((i) => i.result.id);
    assert.equal(ids.length, 3);
    const page = await queue(key);
    assert.deepEqual(
      page.items.map((i) => [i.screeningId, i.supersedes]),
      [[ids[2], ids[1]]],
    );
    assert.equal((await item(key, ids[0]!)).body.supersededBy, ids[1]);
    assert.equal((await item(key, ids[1]!)).body.supersededBy, ids[2]);
  });

  test('filters: decision, list, party name, assignee, claimed, age; counts by state', async () => {
    const { key } = await newTenant();
    const reviewer = await keyWith(key, ['audit:read', 'review']);
    const old = await screenAgo(30, key, 'F-OLD', NORDLICHT);
    const block = await screen(key, 'F-BLOCK', PETROV);
    assert.equal(block.decision, 'block');
    const review = await screen(key, 'F-REVIEW', NORDLICHT);
    const noRef = await screen(key, null, NORDLICHT);
    await screen(key, 'F-CLEAR', CLEAN);
    assert.equal((await post(reviewer.key, `/queue/${review.id}/claim`)).status, 200);
    const escalated = await post(key, `/screenings/${noRef.id}/reviews`, {
      findingId: noRef.findings.find((f) => f.severity === 'review')!.id,
      disposition: 'escalate',
      note: 'ask the MLRO',
    });
    assert.equal(escalated.status, 201, escalated.text);

    const ids = async (q: Record<string, string | number | boolean>) =>
      (await queue(key, q)).items.map((i) => i.screeningId);
    assert.deepEqual(await ids({ decision: 'block' }), [block.id]);
    assert.deepEqual(await ids({ decision: 'review' }), [old.id, review.id, noRef.id]);
    assert.deepEqual(await ids({ source: 'us-ofac-sdn' }), [old.id, block.id, review.id, noRef.id]);
    assert.deepEqual(await ids({ source: 'un-sc' }), []);
    assert.deepEqual(await ids({ partyName: 'sergeevich' }), [block.id]);
    assert.deepEqual(await ids({ partyName: '100%' }), [], 'a % in the name is a character, not a wildcard');
    assert.deepEqual(await ids({ assignee: reviewer.id }), [review.id]);
    assert.deepEqual(await ids({ claimed: true }), [review.id]);
    assert.deepEqual(await ids({ claimed: false }), [old.id, block.id, noRef.id]);
    assert.deepEqual(await ids({ olderThanHours: 24 }), [old.id]);
    assert.deepEqual(await ids({ overdue: true }), [old.id]);
    assert.deepEqual(await ids({ overdue: false, decision: 'review' }), [review.id, noRef.id]);

    const all = await queue(key, { decision: 'review' });
    assert.equal(all.matching, 3);
    assert.deepEqual(all.counts, {
      open: 4,
      inReview: 1,
      claimed: 1,
      unclaimed: 3,
      overdue: 1,
      byDecision: { review: 3, block: 1 },
    });
    assert.equal(all.items.find((i) => i.screeningId === noRef.id)?.reviewStatus, 'in_review');
  });

  test('ageing against the tenant SLA: ageHours, overdue, and a policy change moves the line', async () => {
    const { key } = await newTenant();
    const late = await screenAgo(30, key, 'SLA-1', NORDLICHT);
    const fresh = await screen(key, 'SLA-2', NORDLICHT);
    let page = await queue(key);
    assert.equal(page.slaHours, 24);
    const [a, b] = page.items;
    assert.equal(a?.screeningId, late.id);
    assert.ok(a.ageHours >= 30 && a.ageHours < 31, String(a.ageHours));
    assert.equal(a.overdue, true);
    assert.equal(b?.screeningId, fresh.id);
    assert.ok(b.ageHours < 1, String(b.ageHours));
    assert.equal(b.overdue, false);

    const policy = await t.http().put('/policy').set(bearer(key)).send({ reviewSlaHours: 48 });
    assert.equal(policy.status, 200, policy.text);
    assertContract(policy, 'updatePolicy');
    assert.equal(policy.body.reviewSlaHours, 48);
    page = await queue(key);
    assert.equal(page.slaHours, 48);
    assert.equal(page.items[0]?.overdue, false);
    assert.equal(page.counts.overdue, 0);
    const bad = await t.http().put('/policy').set(bearer(key)).send({ reviewSlaHours: 0 });
    assert.equal(bad.status, 400);
    assertContract(bad, 'updatePolicy');
  });
});
