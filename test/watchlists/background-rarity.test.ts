import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertContract } from '../support/contract.ts';
import { FIXTURE_SDN_ROWS, type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { watchlistWith } from '../support/watchlist.ts';

// Shared lists where "FSUE" opens many names, as on the real EU and UK lists (invented entries, SDN CSV rows).
const TOWNS = ['KOMETA', 'ZVEZDA', 'ALMAZ', 'GRANIT', 'VOSTOK', 'SIRIUS'];
const FSUE_ROWS = Array.from(
  { length: 48 },
  (_, i) =>
    `${92000 + i},"FSUE ${TOWNS[i % TOWNS.length]} PLANT ${i}",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
);

let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp({ rows: [...FIXTURE_SDN_ROWS, ...FSUE_ROWS] });
});
after(async () => {
  await t?.close();
});

test('a one-entry watchlist weighs its words by the shared lists: "FSUE Atomflot" finds the entry "ATOMFLOT"', async () => {
  await watchlistWith(t, t.adminKey, 'Icebreakers', 'id,name,kind\nW-1,ATOMFLOT,organization\n');

  const screen = (name: string) =>
    t
      .http()
      .post('/screen')
      .set(bearer(t.adminKey))
      .send({ parties: [{ name, kind: 'organization' }] });
  const custom = (body: { findings: { kind: string; source: string; entry: { id: string } }[] }) =>
    body.findings.filter((f) => f.kind === 'party_match' && f.source.startsWith('custom:'));

  const found = await screen('FSUE Atomflot');
  assert.equal(found.status, 200, found.text);
  assertContract(found, 'screen');
  assert.deepEqual(
    custom(found.body).map((f) => f.entry.id),
    ['W-1'],
    JSON.stringify(found.body.findings),
  );
  // The common word alone carries nothing: another FSUE is not the entry.
  const other = await screen('FSUE Rosmorport');
  assert.equal(other.status, 200, other.text);
  assert.deepEqual(custom(other.body), []);
});
