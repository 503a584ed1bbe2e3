import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { assertContract } from '../support/contract.ts';
import { FIXTURE_SDN_ROWS, type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

interface Finding {
  id: string;
  kind: string;
  severity: string;
  entry?: { id: string };
  suppressed?: { by: string; at: string; note: string };
}

async function screen(key: string, party: object, extra: object = {}) {
  const res = await t
    .http()
    .post('/screen')
    .set(bearer(key))
    .send({ parties: [party], ...extra });
  assert.equal(res.status, 200, res.text);
  return res.body as { id: string; decision: string; findings: Finding[] };
}

async function review(
  key: string,
  screeningId: string,
  findingId: string,
  disposition: string,
  note = 'checked',
) {
  const res = await t
    .http()
    .post(`/screenings/${screeningId}/reviews`)
    .set(bearer(key))
    .send({ findingId, disposition, note });
  assertContract(res, 'createScreeningReview');
  return res;
}

async function stored(key: string, id: string) {
  const res = await t.http().get(`/screenings/${id}`).set(bearer(key));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'getScreening');
  return res.body as { reviewStatus: string; outcome: string | null; result: unknown };
}

async function newTenant(id: string) {
  const created = await createTenantService(t.container.pool, t.container.keys).create(id, id);
  return created.key.key;
}

const NORDLICHT = { name: 'Nordlicht Handels GmbH', kind: 'organization', country: 'DE' };
const partyFinding = (s: { findings: Finding[] }, entryId: string) =>
  s.findings.find((f) => f.kind === 'party_match' && f.entry?.id === entryId)!;

describe('reviews', () => {
  test('open → in_review (escalate) → resolved; clear screenings are resolved; bad reviews refused', async () => {
    const key = t.adminKey;
    const s = await screen(key, { name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' });
    assert.equal(s.decision, 'block');
    const f = partyFinding(s, '91002');
    assert.deepEqual(await stored(key, s.id).then((x) => [x.reviewStatus, x.outcome]), ['open', null]);

    assert.equal((await review(key, s.id, f.id, 'escalate', 'ask the MLRO')).status, 201);
    assert.equal((await stored(key, s.id)).reviewStatus, 'in_review');
    const created = await review(key, s.id, f.id, 'true_match', 'same DOB and name');
    assert.equal(created.status, 201);
    assert.equal(created.body.disposition, 'true_match');
    const done = await stored(key, s.id);
    assert.deepEqual([done.reviewStatus, done.outcome], ['resolved', 'block']);
    assert.equal(
      (done.result as { decision: string }).decision,
      'block',
      'the original answer never changes',
    );

    const listed = await t.http().get(`/screenings/${s.id}/reviews`).set(bearer(key));
    assert.equal(listed.status, 200);
    assertContract(listed, 'listScreeningReviews');
    assert.deepEqual(
      listed.body.items.map((r: { disposition: string }) => r.disposition),
      ['escalate', 'true_match'],
    );
    const events = await t.container.pool.query(
      `SELECT payload FROM audit_events WHERE type = 'screening.review' AND payload->>'screeningId' = $1 ORDER BY seq`,
      [s.id],
    );
    assert.deepEqual(
      events.rows.map((r) => r.payload.note),
      ['ask the MLRO', 'same DOB and name'],
    );

    const page = await t
      .http()
      .get('/screenings')
      .query({ reviewStatus: 'resolved', entryId: '91002' })
      .set(bearer(key));
    assertContract(page, 'listScreenings');
    assert.ok(page.body.items.some((i: { id: string }) => i.id === s.id));

    const clear = await screen(key, { name: 'Harmless Export d.o.o.', country: 'RS' });
    assert.deepEqual(await stored(key, clear.id).then((x) => [x.reviewStatus, x.outcome]), [
      'resolved',
      'clear',
    ]);

    const unknown = await review(key, s.id, 'party:9:nope:1', 'false_positive');
    assert.equal(unknown.status, 400);
    const noNote = await t
      .http()
      .post(`/screenings/${s.id}/reviews`)
      .set(bearer(key))
      .send({ findingId: f.id, disposition: 'false_positive' });
    assert.equal(noNote.status, 400);
    assertContract(noNote, 'createScreeningReview');
    const missing = await review(key, '00000000-0000-4000-8000-000000000000', f.id, 'escalate');
    assert.equal(missing.status, 404);
  });

  test('two findings: one cleared leaves it in review, both cleared resolve it as clear', async () => {
    const s = await screen(
      t.adminKey,
      { name: 'OOO Zvezda Mikroelektronika', kind: 'organization' },
      {
        goods: [{ code: '8542 31 90' }],
        route: { origin: 'DE', destination: 'RU' },
      },
    );
    const reviewable = s.findings.filter((f) => f.severity !== 'info');
    assert.ok(reviewable.length >= 2, JSON.stringify(s.findings));
    const [first, ...rest] = reviewable;
    await review(t.adminKey, s.id, first!.id, 'false_positive');
    assert.equal((await stored(t.adminKey, s.id)).reviewStatus, 'in_review');
    for (const f of rest) await review(t.adminKey, s.id, f.id, 'false_positive');
    assert.deepEqual(await stored(t.adminKey, s.id).then((x) => [x.reviewStatus, x.outcome]), [
      'resolved',
      'clear',
    ]);
  });

  test('four eyes: clearing a block finding needs a second reviewer with a different key', async () => {
    const admin = await newTenant('four-eyes-bank');
    const policy = await t.http().put('/policy').set(bearer(admin)).send({ fourEyes: true });
    assert.equal(policy.status, 200, policy.text);
    const second = (
      await t.container.keys.create(null, 'four-eyes-bank', {
        name: 'second officer',
        scopes: ['review', 'audit:read'],
      })
    ).key;
    const s = await screen(admin, NORDLICHT);
    const f = partyFinding(s, '91003');
    assert.equal(f.severity, 'block');

    assert.equal((await review(admin, s.id, f.id, 'false_positive', 'different company')).status, 201);
    assert.deepEqual(await stored(admin, s.id).then((x) => [x.reviewStatus, x.outcome]), ['in_review', null]);
    const fps = await t.http().get('/false-positives').set(bearer(admin));
    assert.deepEqual(fps.body.items, [], 'not remembered before the second pair of eyes');
    const again = await review(admin, s.id, f.id, 'false_positive', 'still different');
    assert.equal(again.status, 409);

    assert.equal((await review(second, s.id, f.id, 'false_positive', 'agree: different')).status, 201);
    assert.deepEqual(await stored(admin, s.id).then((x) => [x.reviewStatus, x.outcome]), [
      'resolved',
      'clear',
    ]);
    const remembered = await t.http().get('/false-positives').set(bearer(admin));
    assertContract(remembered, 'listFalsePositives');
    assert.equal(remembered.body.items.length, 1);
  });

  test('a remembered false positive suppresses the next screening of that party until revoked or the entry changes', async () => {
    const key = t.adminKey;
    const first = await screen(key, NORDLICHT);
    assert.equal(first.decision, 'block');
    const f = partyFinding(first, '91003');
    await review(key, first.id, f.id, 'false_positive', 'Nordlicht of Hamburg, not the listed one');

    const memory = await t.http().get('/false-positives').set(bearer(key));
    assertContract(memory, 'listFalsePositives');
    const m = memory.body.items.find((i: { entryId: string }) => i.entryId === '91003');
    assert.equal(m.partyName, NORDLICHT.name);
    assert.equal(m.source, 'us-ofac-sdn');

    const next = await screen(key, { ...NORDLICHT, name: 'NORDLICHT HANDELS' });
    assert.equal(next.decision, 'clear');
    const suppressed = partyFinding(next, '91003');
    assert.equal(suppressed.suppressed?.by, 'key_bootstrap_admin');
    assert.equal(suppressed.suppressed?.note, 'Nordlicht of Hamburg, not the listed one');
    assert.equal((await stored(key, next.id)).reviewStatus, 'resolved');
    const elsewhere = await screen(key, { ...NORDLICHT, country: 'AT' });
    assert.notEqual(elsewhere.decision, 'clear', 'a namesake in another country is another party');
    assert.equal(partyFinding(elsewhere, '91003').suppressed, undefined);

    const revoked = await t.http().delete(`/false-positives/${m.id}`).set(bearer(key));
    assert.equal(revoked.status, 204);
    assertContract(revoked, 'revokeFalsePositive');
    const twice = await t.http().delete(`/false-positives/${m.id}`).set(bearer(key));
    assert.equal(twice.status, 404);
    assertContract(twice, 'revokeFalsePositive');
    const ev = await t.container.pool.query(
      `SELECT actor FROM audit_events WHERE type = 'false_positive.revoked' AND payload->>'memoryId' = $1`,
      [m.id],
    );
    assert.equal(ev.rows.length, 1);
    const raised = await screen(key, NORDLICHT);
    assert.equal(raised.decision, 'block');
    assert.equal(partyFinding(raised, '91003').suppressed, undefined);

    await review(key, raised.id, partyFinding(raised, '91003').id, 'false_positive', 'cleared again');
    assert.equal((await screen(key, NORDLICHT)).decision, 'clear');

    // The entry's content changes on the list: the officer has not judged the new facts.
    const rows = FIXTURE_SDN_ROWS.map((r) =>
      r.startsWith('91003,') ? r.replace('HRB 123456', 'HRB 999999') : r,
    );
    await writeFile(join(t.sdnDir, 'sdn.csv'), `${rows.join('\r\n')}\r\n\u001a`);
    const outcome = await refreshSource(
      t.container.lists.refreshDeps,
      t.container.lists.catalog.get('us-ofac-sdn')!,
    );
    assert.equal(outcome.outcome, 'activated', outcome.detail ?? undefined);
    await t.container.lists.active.refresh();
    const changed = await screen(key, NORDLICHT);
    assert.equal(changed.decision, 'block');
    assert.equal(partyFinding(changed, '91003').suppressed, undefined);
  });

  test('tenant isolation: another tenant sees none of the screenings, reviews or memory (404)', async () => {
    const a = t.adminKey;
    const b = await newTenant('other-bank');
    const s = await screen(a, { name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' });
    const f = partyFinding(s, '91002');
    await review(a, s.id, f.id, 'false_positive', 'tenant A only');
    const memories = await t.http().get('/false-positives').set(bearer(a));
    const mine = memories.body.items[0];
    assert.ok(mine);

    const get = await t.http().get(`/screenings/${s.id}`).set(bearer(b));
    assert.equal(get.status, 404);
    assertContract(get, 'getScreening');
    const reviews = await t.http().get(`/screenings/${s.id}/reviews`).set(bearer(b));
    assert.equal(reviews.status, 404);
    assertContract(reviews, 'listScreeningReviews');
    assert.equal((await review(b, s.id, f.id, 'true_match')).status, 404);
    const del = await t.http().delete(`/false-positives/${mine.id}`).set(bearer(b));
    assert.equal(del.status, 404);
    assertContract(del, 'revokeFalsePositive');
    const theirs = await t.http().get('/false-positives').set(bearer(b));
    assert.deepEqual(theirs.body.items, []);
    const listB = await t.http().get('/screenings').query({ entryId: '91002' }).set(bearer(b));
    assertContract(listB, 'listScreenings');
    assert.deepEqual(listB.body.items, []);
    const exportB = await t.http().get('/screenings/export').query({ format: 'ndjson' }).set(bearer(b));
    assert.equal(exportB.text, '');
    const verifyB = await t.http().get('/audit/verify').set(bearer(b));
    assertContract(verifyB, 'verifyAuditChain');
    assert.equal(verifyB.body.ok, true);
    // A's memory does not clear B's screening of the same person.
    const sb = await screen(b, { name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' });
    assert.equal(sb.decision, 'block');
    const stillA = await t.http().get('/false-positives').set(bearer(a));
    assert.ok(stillA.body.items.some((i: { id: string }) => i.id === mine.id));
  });
});
