import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, mock, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

// GET /queue and its claims on the real app and database. Each test works in a tenant of its own, so the
// queue's counts are exactly what the test made.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

interface Item {
  screeningId: string;
  reference: string | null;
  decision: string;
  state: string;
  reviewStatus: string;
  partyNames: string[];
  sources: string[];
  assignee: string | null;
  ageHours: number;
  overdue: boolean;
  supersedes: string | null;
  supersededBy: string | null;
}

const NORDLICHT = { name: 'Nordlicht Handel GmbH', kind: 'organization', country: 'DE' }; // review
const PETROV = { name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' }; // block
const CLEAN = { name: 'Siemens AG', kind: 'organization', country: 'DE' }; // clear

async function newTenant(): Promise<{ id: string; key: string }> {
  const id = `queue-${randomBytes(4).toString('hex')}`;
  const created = await createTenantService(t.container.pool, t.container.keys).create(id, id);
  return { id, key: created.key.key };
}

async function keyWith(admin: string, scopes: string[]) {
  const res = await t
    .http()
    .post('/keys')
    .set(bearer(admin))
    .send({ name: scopes.join(' '), scopes });
  assert.equal(res.status, 201, res.text);
  return { id: res.body.id as string, key: res.body.key as string };
}

async function screen(key: string, reference: string | null, party: object) {
  const res = await t
    .http()
    .post('/screen')
    .set(bearer(key))
    .send({ ...(reference ? { reference } : {}), parties: [party] });
  assert.equal(res.status, 200, res.text);
  return res.body as { id: string; decision: string; findings: { id: string; severity: string }[] };
}

/**
 * A screening made `hours` ago: the service's clock is moved back for the one request. A key of its own, used
 * only then, so the rate limiter never sees one key's clock run backwards.
 */
async function screenAgo(hours: number, admin: string, reference: string, party: object) {
  const { key } = await keyWith(admin, ['screen']);
  mock.timers.enable({ apis: ['Date'], now: Date.now() - hours * 3_600_000 });
  try {
    return await screen(key, reference, party);
  } finally {
    mock.timers.reset();
  }
}

async function queue(key: string, query: Record<string, string | number | boolean> = {}) {
  const res = await t.http().get('/queue').query(query).set(bearer(key));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'listQueue');
  return res.body as {
    items: Item[];
    nextCursor: string | null;
    prevCursor: string | null;
    counts: Record<string, unknown>;
    matching: number;
    slaHours: number;
  };
}

async function item(key: string, screeningId: string) {
  const res = await t.http().get(`/queue/${screeningId}`).set(bearer(key));
  assertContract(res, 'getQueueItem');
  return res;
}

const post = (key: string, path: string, body?: object) => {
  const r = t.http().post(path).set(bearer(key));
  return body ? r.send(body) : r;
};

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
    do {
      const page = await queue(key, { sort: 'severity', limit: 2, ...(cursor ? { cursor } : {}) });
      bySeverity.push(...page.items.map((i) => i.screeningId));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(bySeverity, [...blocks, ...reviews]);

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
