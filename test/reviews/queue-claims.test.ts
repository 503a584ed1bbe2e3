import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { item, keyWith, NORDLICHT, newTenant, PETROV, post, queue, screen, useApp } from './queue-support.ts';

// GET /queue paging, and claims and assignments, on the real app and database. Each test works in a tenant of
// its own, so the queue holds exactly what the test made.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
  useApp(t);
});
after(async () => {
  await t?.close();
});

describe('GET /queue paging and claims', () => {
  test('keyset paging from the oldest: next and previous pages, every sort, bad cursors refused', async () => {
    const { key } = await newTenant();
    const made: { id: string; decision: string }[] = [];
    for (let i = 0; i < 7; i++) made.push(await screen(key, `PG-${i}`, i % 3 === 1 ? PETROV : NORDLICHT));
    const ids = made.map((m) => m.id);

    const p1 = await queue(key, { limit: 3 });
    assert.deepEqual(
      p1.items.map((i) => i.screeningId),
      ids.slice(0, 3),
    );
    assert.equal(p1.prevCursor, null);
    assert.equal(p1.matching, 7);
    const p2 = await queue(key, { limit: 3, cursor: p1.nextCursor! });
    assert.deepEqual(
      p2.items.map((i) => i.screeningId),
      ids.slice(3, 6),
    );
    const p3 = await queue(key, { limit: 3, cursor: p2.nextCursor! });
    assert.deepEqual(
      p3.items.map((i) => i.screeningId),
      ids.slice(6),
    );
    assert.equal(p3.nextCursor, null);
    const back = await queue(key, { limit: 3, cursor: p3.prevCursor! });
    assert.deepEqual(back.items, p2.items);
    const first = await queue(key, { limit: 3, cursor: back.prevCursor! });
    assert.deepEqual(
      first.items.map((i) => i.screeningId),
      ids.slice(0, 3),
    );
    assert.equal(first.prevCursor, null, 'nothing before the oldest');
    assert.deepEqual(
      (await queue(key, { limit: 3, cursor: first.nextCursor! })).items.map((i) => i.screeningId),
      ids.slice(3, 6),
    );

    const newest = await queue(key, { sort: 'newest', limit: 4 });
    assert.deepEqual(
      newest.items.map((i) => i.screeningId),
      [...ids].reverse().slice(0, 4),
    );
    const blocks = ids.filter((_, i) => i % 3 === 1);
    const reviews = ids.filter((_, i) => i % 3 !== 1);
    const bySeverity: string[] = [];
    let cursor: string | null = null;
    let prev: string | null = null;
    do {
      const page = await queue(key, { sort: 'severity', limit: 2, ...(cursor ? { cursor } : {}) });
      bySeverity.push(...page.items.map((i) => i.screeningId));
      cursor = page.nextCursor;
      prev = page.prevCursor;
    } while (cursor);
    assert.deepEqual(bySeverity, [...blocks, ...reviews]);
    // Back from the last page across the block/review boundary: the same items, in the same order.
    const before = await queue(key, { sort: 'severity', limit: 2, cursor: prev! });
    assert.deepEqual(
      before.items.map((i) => i.screeningId),
      bySeverity.slice(4, 6),
    );
    const further = await queue(key, { sort: 'severity', limit: 2, cursor: before.prevCursor! });
    assert.deepEqual(
      further.items.map((i) => i.screeningId),
      bySeverity.slice(2, 4),
    );
    const blocksPage = await queue(key, { sort: 'severity', limit: 2, cursor: further.prevCursor! });
    assert.deepEqual(
      blocksPage.items.map((i) => i.screeningId),
      blocks,
    );
    assert.equal(blocksPage.prevCursor, null);

    const wrongSort = await t
      .http()
      .get('/queue')
      .query({ cursor: p1.nextCursor, sort: 'newest' })
      .set(bearer(key));
    assert.equal(wrongSort.status, 400);
    assertContract(wrongSort, 'listQueue');
    for (const query of [
      { cursor: 'bm90IGEgY3Vyc29y' },
      { limit: 0 },
      { limit: 201 },
      { sort: 'loudest' },
      { overdue: 'perhaps' },
    ]) {
      const res = await t.http().get('/queue').query(query).set(bearer(key));
      assert.equal(res.status, 400, `${JSON.stringify(query)}: ${res.text}`);
      assertContract(res, 'listQueue');
    }
  });

  test('claim, assign, unassign: audited, and a claim never silently takes over', async () => {
    const { key } = await newTenant();
    const alice = await keyWith(key, ['audit:read', 'review']);
    const bob = await keyWith(key, ['audit:read', 'review']);
    const reader = await keyWith(key, ['audit:read']);
    const s = await screen(key, 'CL-1', NORDLICHT);

    const claimed = await post(alice.key, `/queue/${s.id}/claim`);
    assert.equal(claimed.status, 200, claimed.text);
    assertContract(claimed, 'claimQueueItem');
    assert.equal(claimed.body.assignee, alice.id);
    assert.ok(claimed.body.assignedAt);
    const again = await post(alice.key, `/queue/${s.id}/claim`);
    assert.equal(again.status, 200, 'claiming your own item again changes nothing');
    const taken = await post(bob.key, `/queue/${s.id}/claim`);
    assert.equal(taken.status, 409);
    assertContract(taken, 'claimQueueItem');

    const assigned = await post(bob.key, `/queue/${s.id}/assign`, { assignee: 'Maria Rossi' });
    assert.equal(assigned.status, 200, assigned.text);
    assertContract(assigned, 'assignQueueItem');
    assert.equal(assigned.body.assignee, 'Maria Rossi');
    assert.deepEqual(
      (await queue(key, { assignee: 'Maria Rossi' })).items.map((i) => i.screeningId),
      [s.id],
    );
    const unassigned = await post(bob.key, `/queue/${s.id}/unassign`);
    assert.equal(unassigned.status, 200);
    assertContract(unassigned, 'unassignQueueItem');
    assert.equal(unassigned.body.assignee, null);
    assert.equal(unassigned.body.assignedAt, null);

    const { rows } = await t.container.pool.query(
      `SELECT type, actor, payload FROM audit_events WHERE payload->>'screeningId' = $1 AND type LIKE 'queue.%'
       ORDER BY seq`,
      [s.id],
    );
    assert.deepEqual(
      rows.map((r) => [r.type, r.actor, r.payload.assignee, r.payload.previousAssignee]),
      [
        ['queue.claimed', alice.id, alice.id, null],
        ['queue.assigned', bob.id, 'Maria Rossi', alice.id],
        ['queue.unassigned', bob.id, null, 'Maria Rossi'],
      ],
    );

    for (const [path, body] of [
      [`/queue/${s.id}/assign`, { assignee: '' }],
      [`/queue/${s.id}/assign`, { assignee: '   ' }],
      [`/queue/${s.id}/assign`, { assignee: 'x', extra: 1 }],
    ] as const) {
      const res = await post(bob.key, path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}: ${res.text}`);
    }
    const forbidden = await post(reader.key, `/queue/${s.id}/claim`);
    assert.equal(forbidden.status, 403);
    assertContract(forbidden, 'claimQueueItem');

    // The last disposition resolves the case: it leaves the queue and can no longer be claimed.
    const review = await post(key, `/screenings/${s.id}/reviews`, {
      findingId: s.findings.find((f) => f.severity === 'review')!.id,
      disposition: 'false_positive',
      note: 'different company, other registration',
    });
    assert.equal(review.status, 201, review.text);
    assert.deepEqual((await queue(key)).items, []);
    assert.equal((await item(key, s.id)).body.state, 'resolved');
    assert.equal((await post(alice.key, `/queue/${s.id}/claim`)).status, 409);
  });

  test("another tenant's items are not found, not listed and not claimable", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const s = await screen(a.key, 'X-1', NORDLICHT);
    assert.equal((await queue(b.key)).items.length, 0);
    for (const res of [
      await item(b.key, s.id),
      await post(b.key, `/queue/${s.id}/claim`),
      await post(b.key, `/queue/${s.id}/assign`, { assignee: 'me' }),
      await post(b.key, `/queue/${s.id}/unassign`),
    ]) {
      assert.equal(res.status, 404, res.text);
      assertContract(res, 'getQueueItem');
    }
    assert.equal((await item(a.key, s.id)).body.assignee, null);
  });
});
