import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { partyNameKey } from '../../src/audit/party-name-key.ts';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts';
import { createPool } from '../../src/db/pool.ts';
import { assertContract } from '../support/contract.ts';
import { startTestDatabase } from '../support/database.ts';
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

interface Summary {
  id: string;
  screenedAt: string;
  partyNames: string[];
}

async function screen(key: string, parties: object[]): Promise<string> {
  const res = await t.http().post('/screen').set(bearer(key)).send({ parties });
  assert.equal(res.status, 200, res.text);
  return res.body.id;
}

function get(key: string, query: Record<string, string | number>) {
  return t.http().get('/screenings').query(query).set(bearer(key));
}

async function walk(key: string, query: Record<string, string | number>) {
  const seen: Summary[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(key, cursor ? { ...query, cursor } : query);
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'listScreenings');
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
    assert.ok(pages < 50, 'pagination must end');
  } while (cursor);
  return { ids: seen.map((s) => s.id), seen, pages };
}

describe('GET /screenings?partyName', () => {
  test('finds a transliterated and misspelt name, newest first across pages, in its own tenant only', async () => {
    const tenants = createTenantService(t.container.pool, t.container.keys);
    const a = (await tenants.create('pn-search-a', 'A')).key.key;
    const b = (await tenants.create('pn-search-b', 'B')).key.key;
    // Screened in Cyrillic, in Latin, as an alias, and twice in one screening (which must appear once).
    const matching: string[] = [];
    for (let i = 0; i < 3; i++) matching.push(await screen(a, [{ name: 'ООО Ромашка Трейд' }]));
    matching.push(await screen(a, [{ name: 'Romashka Treyd LLC' }]));
    matching.push(await screen(a, [{ name: 'Acme Imports', aliases: ['Ромашка Трейд'] }]));
    matching.push(await screen(a, [{ name: 'Romashka Treyd' }, { name: 'ООО «Ромашка Трейд»' }]));
    matching.push(await screen(a, [{ name: 'Ромашка Трейд' }]));
    const unrelated = await screen(a, [{ name: 'Vasilek Export GmbH' }]);
    const otherTenant = await screen(b, [{ name: 'Romashka Treyd' }]);

    // Latin, one letter dropped and a different legal form: finds the Cyrillic, the alias and the Latin ones.
    const latin = await walk(a, { partyName: 'Romaska Treyd Ltd', limit: 3 });
    assert.equal(latin.pages, 3);
    assert.deepEqual(new Set(latin.ids), new Set(matching));
    assert.equal(latin.ids.length, matching.length, 'every screening exactly once');
    assert.ok(newestFirst(latin.seen), 'newest first, id breaking ties');
    assert.ok(!latin.ids.includes(unrelated) && !latin.ids.includes(otherTenant));

    // Cyrillic query, misspelt (Трэйд), finds the Latin-written screenings too.
    const cyrillic = await walk(a, { partyName: 'Ромашка Трэйд', limit: 50 });
    assert.deepEqual(new Set(cyrillic.ids), new Set(matching));

    // Combined with a time range and a cursor: the newest first page ends where the next begins.
    const firstTwo = await walk(a, { partyName: 'Romashka', from: latin.seen[4]!.screenedAt, limit: 2 });
    assert.deepEqual(
      firstTwo.ids,
      latin.ids.filter((_, i) => latin.seen[i]!.screenedAt >= latin.seen[4]!.screenedAt),
    );

    // Tenant B sees only its own screening of the same name.
    const theirs = await walk(b, { partyName: 'Romaska Treyd' });
    assert.deepEqual(theirs.ids, [otherTenant]);
    const none = await walk(a, { partyName: 'Nothing Like It Corp' });
    assert.deepEqual(none.ids, []);
  });

  test('a search matching hundreds of distinct names pages through them all, newest first, once each', async () => {
    const key = (await createTenantService(t.container.pool, t.container.keys).create('pn-many', 'M')).key
      .key;
    // More distinct matching names than the per-name plan takes (MANY_NAMES = 500): the time-ordered walk.
    const items = Array.from({ length: 540 }, (_, i) => ({
      reference: `many-${i % 2}`,
      parties: [{ name: `Lastochka Freight ${i}` }, ...(i === 7 ? [{ name: 'Lastochka Freight' }] : [])],
    }));
    const res = await t.http().post('/screen/batch').set(bearer(key)).send({ items });
    assert.equal(res.status, 200, res.text);
    const made: string[] = res.body.items.map((i: { result: { id: string } }) => i.result.id);
    await screen(key, [{ name: 'Swallow Shipping' }]);
    const all = await walk(key, { partyName: 'Lastochka Frieght', limit: 100 });
    assert.equal(all.pages, 6);
    assert.equal(all.ids.length, made.length);
    assert.deepEqual(new Set(all.ids), new Set(made));
    assert.ok(newestFirst(all.seen));
    const half = await walk(key, { partyName: 'Lastochka Freight', reference: 'many-1', limit: 500 });
    assert.deepEqual(new Set(half.ids), new Set(made.filter((_, i) => i % 2 === 1)));
    assert.equal(half.ids.length, 270);
  });

  test('migration 0015 backfills screenings stored before it, in the form the app writes', async () => {
    const db = await startTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    const pool = createPool(db.url, 2);
    try {
      const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.*\.sql$/.test(f));
      for (const f of files.filter((f) => f < '0015')) await cp(join(MIGRATIONS_DIR, f), join(dir, f));
      await migrate(pool, dir);
      await pool.query(`INSERT INTO tenants (id, name) VALUES ('old', 'Old')`);
      const names = ['ООО Звезда Микроэлектроника', 'Müller & Söhne Straßenbau GmbH', "O'Neill Łódź Trading"];
      await pool.query(
        `INSERT INTO screenings (id, tenant_id, api_key_id, decision, screened_at, policy_version, request, result,
           party_names, sources, entry_ids, request_hash, audit_seq)
         VALUES (gen_random_uuid(), 'old', 'k', 'clear', now(), 1, $1, '{}', '', '{}', '{}', 'h', 1)`,
        [JSON.stringify({ parties: [{ name: names[0] }, { name: names[1], aliases: [names[2]] }] })],
      );
      for (const f of files) await cp(join(MIGRATIONS_DIR, f), join(dir, f));
      assert.deepEqual(await migrate(pool, dir), files.filter((f) => f >= '0015').sort());
      const { rows } = await pool.query(
        `SELECT n.name FROM screening_party_hits h JOIN screening_party_names n ON n.id = h.name_id ORDER BY 1`,
      );
      assert.deepEqual(
        rows.map((r) => r.name),
        names.map(partyNameKey).sort(),
      );
    } finally {
      await pool.end();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
