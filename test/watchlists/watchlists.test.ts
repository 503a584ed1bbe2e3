import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

let t: ScreeningTestApp;
let keyB: string;
before(async () => {
  t = await startScreeningApp();
  const b = await createTenantService(t.container.pool, t.container.keys).create('watch-b', 'Tenant B');
  keyB = b.key.key;
});
after(async () => {
  await t?.close();
});

const CSV = [
  'id,name,kind,aliases,country,identifiers,program',
  'C-1,Karakum Logistics LLP,organization,Karakum Log,KZ,bin:123456789012,internal-risk',
  'C-2,Severnaya Zvezda Shipping,organization,,RU,,internal-risk',
  'C-3,,organization,,XX,,',
].join('\n');

const screen = (key: string, name: string, options: object = {}) =>
  t
    .http()
    .post('/screen')
    .set(bearer(key))
    .send({ parties: [{ name, kind: 'organization' }], options });

type Finding = { kind: string; source: string; entry: { id: string }; severity: string };
const customFindings = (body: { findings: Finding[] }) =>
  body.findings.filter((f) => f.kind === 'party_match' && f.source.startsWith('custom:'));

describe('custom watchlists', () => {
  let id: string;

  test('create, upload CSV: valid rows load as a version, bad rows come back with row and field', async () => {
    const created = await t
      .http()
      .post('/watchlists')
      .set(bearer(t.adminKey))
      .send({ name: 'Internal risk', description: 'Counterparties our branch flagged' });
    assert.equal(created.status, 201, created.text);
    assertContract(created, 'createWatchlist');
    id = created.body.id;
    assert.equal(created.body.entries, 0);

    const up = await t
      .http()
      .put(`/watchlists/${id}/entries`)
      .set(bearer(t.adminKey))
      .set('Content-Type', 'text/csv')
      .send(CSV);
    assert.equal(up.status, 200, up.text);
    assertContract(up, 'uploadWatchlistEntries');
    assert.equal(up.body.loaded, 2);
    assert.ok(up.body.errors.length >= 1, JSON.stringify(up.body.errors));
    assert.ok(up.body.errors.every((e: { row: number }) => e.row === 4));
    assert.ok(up.body.errors.some((e: { message: string }) => /^name: is required/.test(e.message)));

    const listed = await t.http().get('/watchlists').set(bearer(t.adminKey));
    assertContract(listed, 'listWatchlists');
    assert.deepEqual(
      listed.body.items.map((w: { id: string; entries: number }) => [w.id, w.entries]),
      [[id, 2]],
    );
    const versions = await t.container.lists.store.list(`custom:${id}`);
    assert.deepEqual(
      versions.map((v) => [v.version, v.status]),
      [[1, 'active']],
    );
  });

  test("tenant A's entry → a finding for A's screening, none for B's, and never in the shared index", async () => {
    const a = await screen(t.adminKey, 'Karakum Logistics LLP');
    assert.equal(a.status, 200, a.text);
    assertContract(a, 'screen');
    const found = customFindings(a.body);
    assert.equal(found.length, 1, JSON.stringify(a.body.findings));
    assert.equal(found[0]!.source, `custom:${id}`);
    assert.equal(found[0]!.entry.id, 'C-1');
    assert.notEqual(a.body.decision, 'clear');

    const b = await screen(keyB, 'Karakum Logistics LLP');
    assert.equal(b.status, 200);
    assertContract(b, 'screen');
    assert.deepEqual(customFindings(b.body), []);
    assert.equal(b.body.decision, 'clear');

    const snapshot = t.container.lists.active.current();
    assert.ok(![...snapshot.versions.keys()].some((s) => s.startsWith('custom:')));
    assert.deepEqual(snapshot.partyIndex.search({ name: 'Karakum Logistics LLP' }), []);
    // The finding's entry link opens for the owner (it answered 404 before)...
    const own = await t.http().get(`/lists/custom:${id}/entries/C-1`).set(bearer(t.adminKey));
    assertContract(own, 'getListEntry');
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.name, 'Karakum Logistics LLP');
    const missing = await t.http().get(`/lists/custom:${id}/entries/C-404`).set(bearer(t.adminKey));
    assert.equal(missing.status, 404);
    // ...and another tenant's list is not reachable through the list routes.
    const entry = await t.http().get(`/lists/custom:${id}/entries/C-1`).set(bearer(keyB));
    assert.equal(entry.status, 404);
    assertContract(entry, 'getListEntry');
    const audit = await t.container.pool.query(
      `SELECT DISTINCT tenant_id FROM audit_events WHERE type = 'list.activated' AND payload->>'source' = $1`,
      [`custom:${id}`],
    );
    assert.deepEqual(
      audit.rows.map((r) => r.tenant_id),
      ['default'],
    );
  });

  test('a JSON upload replaces the list; the old entries stop matching; delete stops all', async () => {
    const up = await t
      .http()
      .put(`/watchlists/${id}/entries`)
      .set(bearer(t.adminKey))
      .set('Content-Type', 'application/json')
      .send([{ id: 'J-1', name: 'Aral Sea Trading House', kind: 'organization', countries: ['UZ'] }]);
    assert.equal(up.status, 200, up.text);
    assertContract(up, 'uploadWatchlistEntries');
    assert.deepEqual(up.body, { loaded: 1, errors: [] });
    assert.deepEqual(customFindings((await screen(t.adminKey, 'Karakum Logistics LLP')).body), []);
    const now = customFindings((await screen(t.adminKey, 'Aral Sea Trading House')).body);
    assert.deepEqual(
      now.map((f) => f.entry.id),
      ['J-1'],
    );

    const foreign = await t.http().delete(`/watchlists/${id}`).set(bearer(keyB));
    assert.equal(foreign.status, 404);
    assertContract(foreign, 'deleteWatchlist');
    const del = await t.http().delete(`/watchlists/${id}`).set(bearer(t.adminKey));
    assert.equal(del.status, 204);
    assertContract(del, 'deleteWatchlist');
    assert.deepEqual(customFindings((await screen(t.adminKey, 'Aral Sea Trading House')).body), []);
    const again = await t.http().delete(`/watchlists/${id}`).set(bearer(t.adminKey));
    assert.equal(again.status, 404);
  });

  test('an upload with no valid row keeps the current version', async () => {
    const created = await t.http().post('/watchlists').set(bearer(t.adminKey)).send({ name: 'Second' });
    const wl = created.body.id as string;
    const ok = await t
      .http()
      .put(`/watchlists/${wl}/entries`)
      .set(bearer(t.adminKey))
      .set('Content-Type', 'text/csv')
      .send('id,name\nK-1,Tashkent Machine Parts\n');
    assert.equal(ok.body.loaded, 1);
    const bad = await t
      .http()
      .put(`/watchlists/${wl}/entries`)
      .set(bearer(t.adminKey))
      .set('Content-Type', 'text/csv')
      .send('id,nom\nK-2,Whatever\n');
    assert.equal(bad.status, 200);
    assertContract(bad, 'uploadWatchlistEntries');
    assert.equal(bad.body.loaded, 0);
    assert.ok(bad.body.errors.length > 0);
    assert.equal(customFindings((await screen(t.adminKey, 'Tashkent Machine Parts')).body).length, 1);
  });
});
