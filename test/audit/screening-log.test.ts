import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { newestFirst } from '../support/screening-order.ts';
import { bearer } from '../support/test-app.ts';

let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

/** A key of its own per test, so a test can see exactly its screenings through the apiKeyId filter. */
async function newKey(name: string) {
  const k = await t.container.keys.create(null, 'default', {
    name,
    scopes: ['screen', 'audit:read', 'review'],
  });
  return { id: k.id, secret: k.key };
}

async function batch(key: string, items: object[]) {
  const res = await t.http().post('/screen/batch').set(bearer(key)).send({ items });
  assert.equal(res.status, 200, res.text);
  return res.body.items.map((i: { result: { id: string; decision: string } }) => i.result);
}

interface Summary {
  id: string;
  decision: string;
  screenedAt: string;
  reviewStatus: string;
  reference: string | null;
  partyNames: string[];
  apiKeyId: string;
}

async function list(key: string, query: Record<string, string | number>) {
  const res = await t.http().get('/screenings').query(query).set(bearer(key));
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'listScreenings');
  return res.body as { items: Summary[]; nextCursor: string | null };
}

async function walk(key: string, query: Record<string, string | number>) {
  const seen: Summary[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list(key, cursor ? { ...query, cursor } : query);
    seen.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    assert.ok(pages < 100, 'pagination must end');
  } while (cursor);
  return { seen, pages };
}

describe('GET /screenings', () => {
  test('cursor pages: more than two pages, newest first, every screening exactly once', async () => {
    const key = await newKey('pagination');
    const made = [
      ...(await batch(
        key.secret,
        Array.from({ length: 6 }, (_, i) => ({
          reference: `page-${i}`,
          parties: [{ name: `Clean Partner ${i} AG` }],
        })),
      )),
      ...(await batch(
        key.secret,
        Array.from({ length: 5 }, (_, i) => ({
          reference: `page-b${i}`,
          parties: [{ name: `Other Partner ${i} AG` }],
        })),
      )),
    ];
    const { seen, pages } = await walk(key.secret, { apiKeyId: key.id, limit: 3 });
    assert.equal(pages, 4);
    assert.equal(seen.length, made.length);
    assert.equal(new Set(seen.map((s) => s.id)).size, made.length);
    assert.deepEqual(new Set(seen.map((s) => s.id)), new Set(made.map((m: { id: string }) => m.id)));
    assert.ok(newestFirst(seen), 'newest first, id breaking ties');
    assert.ok(
      seen.every((s) => s.apiKeyId === key.id && s.reviewStatus === 'resolved' && s.decision === 'clear'),
    );
    const bad = await t.http().get('/screenings').query({ cursor: 'not-a-cursor' }).set(bearer(key.secret));
    assert.equal(bad.status, 400);
    assertContract(bad, 'listScreenings');
  });

  test('filters combine: decision, reference, fuzzy party name, source, entry id, time range, review status', async () => {
    const key = await newKey('filters');
    const before = new Date().toISOString();
    const made = await batch(key.secret, [
      { reference: 'flt-1', parties: [{ name: 'Nordlicht Handels GmbH', kind: 'organization' }] },
      {
        reference: 'flt-2',
        parties: [{ name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' }],
      },
      { reference: 'flt-3', parties: [{ name: 'Harmless Bakery Ltd' }] },
      { reference: 'flt-1', parties: [{ name: 'Harmless Bakery Ltd' }] },
    ]);
    assert.deepEqual(
      made.map((m: { decision: string }) => m.decision),
      ['block', 'block', 'clear', 'clear'],
    );
    const ids = (items: Summary[]) => items.map((s) => s.id).sort();
    const q = (extra: Record<string, string>) => list(key.secret, { apiKeyId: key.id, ...extra });

    assert.deepEqual(ids((await q({ decision: 'block' })).items), ids([made[0], made[1]]));
    assert.deepEqual(ids((await q({ reference: 'flt-1' })).items), ids([made[0], made[3]]));
    assert.deepEqual(ids((await q({ reference: 'flt-1', decision: 'clear' })).items), [made[3].id]);
    assert.deepEqual(ids((await q({ partyName: 'Nordlict Handels' })).items), [made[0].id]);
    assert.deepEqual(ids((await q({ partyName: 'harmless bakery', reference: 'flt-3' })).items), [
      made[2].id,
    ]);
    assert.deepEqual(ids((await q({ source: 'us-ofac-sdn' })).items), ids([made[0], made[1]]));
    assert.deepEqual(ids((await q({ entryId: '91002' })).items), [made[1].id]);
    assert.deepEqual(ids((await q({ entryId: '91002', decision: 'clear' })).items), []);
    // flt-1's block was superseded by its clear re-screen: no longer open work.
    assert.deepEqual(ids((await q({ reviewStatus: 'open' })).items), [made[1].id]);
    assert.deepEqual(ids((await q({ reviewStatus: 'superseded' })).items), [made[0].id]);
    assert.deepEqual(ids((await q({ reviewStatus: 'resolved', reference: 'flt-1' })).items), [made[3].id]);
    assert.equal((await q({ from: before })).items.length, 4);
    assert.equal((await q({ to: before })).items.length, 0);
    const all = await list(key.secret, { apiKeyId: key.id });
    assert.equal(all.items.length, 4);
    assert.deepEqual(all.items.find((s) => s.id === made[1].id)?.partyNames, ['Ivan Sergeevich Petrov']);
    const other = await list(key.secret, { apiKeyId: 'key_nobody' });
    assert.equal(other.items.length, 0);
  });

  test('export streams every filtered row across pages as CSV and NDJSON', async () => {
    const key = await newKey('export');
    const items = Array.from({ length: 700 }, (_, i) => ({
      reference: `exp-${i}`,
      parties: [{ name: i === 0 ? '=HYPERLINK("x"), "Quoted" Co' : `Export Buyer ${i} Ltd` }],
    }));
    await batch(key.secret, items);
    await batch(
      key.secret,
      items.map((it) => ({ ...it, reference: `${it.reference}-b` })),
    );
    const csv = await t
      .http()
      .get('/screenings/export')
      .query({ apiKeyId: key.id, format: 'csv' })
      .set(bearer(key.secret));
    assert.equal(csv.status, 200);
    assertContract(csv, 'exportScreenings');
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(
      lines[0],
      'id,screenedAt,reference,decision,reviewStatus,outcome,apiKeyId,partyNames,sources,entryIds,topFinding,reviewedBy',
    );
    assert.equal(lines.length, 1 + 1400);
    assert.equal(new Set(lines.slice(1).map((l) => l.split(',')[0])).size, 1400);
    assert.ok(
      lines.some((l) => l.includes(`"'=HYPERLINK(""x""), ""Quoted"" Co"`)),
      'formula neutralised and quoted',
    );

    const nd = await t
      .http()
      .get('/screenings/export')
      .query({ apiKeyId: key.id, format: 'ndjson', reference: 'exp-5-b' })
      .set(bearer(key.secret));
    assert.equal(nd.status, 200);
    assertContract(nd, 'exportScreenings');
    const rows = nd.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].reference, 'exp-5-b');
    assert.equal(rows[0].result.reference, 'exp-5-b');
    assert.equal(rows[0].outcome, 'clear');
  });
});
