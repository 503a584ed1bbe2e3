import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { assertContract } from '../support/contract.ts';
import { FIXTURE_SDN_ROWS, type ScreeningTestApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

/** Invented SDN entries standing in for the seed shipment's parties (the real ones are in ../shared/lists). */
export const CONSOLE_SDN_ROWS = [
  ...FIXTURE_SDN_ROWS,
  '92001,"KOMINVEX DOO BEOGRAD",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Registration Number 21512345 (Serbia)."',
  '92002,"OOO BITTERIYA",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Tax ID No. 7708765432 (Russia)."',
];

/**
 * A second SDN version that adds an a.k.a. to the exporter's entry, so the console has a diff to show and
 * the matched alias to highlight.
 */
export async function publishAlias(t: ScreeningTestApp): Promise<void> {
  await writeFile(join(t.sdnDir, 'alt.csv'), '92001,9201,"aka","KOMINVEX DOO",-0- \r\n');
  const source = t.container.lists.catalog.get('us-ofac-sdn');
  assert.ok(source);
  const outcome = await refreshSource(t.container.lists.refreshDeps, source);
  assert.equal(outcome.outcome, 'activated', outcome.detail ?? undefined);
  await t.container.lists.active.refresh();
}

export async function createKey(t: ScreeningTestApp, name: string, scopes: string[]) {
  const res = await t.http().post('/keys').set(bearer(t.adminKey)).send({ name, scopes });
  assert.equal(res.status, 201, res.text);
  assertContract(res, 'createApiKey');
  return { id: res.body.id as string, key: res.body.key as string };
}

export async function screen(t: ScreeningTestApp, body: object) {
  const res = await t.http().post('/screen').set(bearer(t.adminKey)).send(body);
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'screen');
  return res.body as { id: string; decision: string; reference: string };
}

/** References unique to one run: the test database may be shared with other runs when DATABASE_URL is set. */
export function seedShipment() {
  const run = randomBytes(4).toString('hex');
  return {
    reference: `SHIP-${run}-KOMINVEX`,
    parties: [
      { role: 'exporter', kind: 'organization', name: 'Kominvex d.o.o.', country: 'RS' },
      { role: 'consignee', kind: 'organization', name: 'OOO Bitteria', country: 'RU' },
    ],
    goods: [{ code: '8542.31', description: 'Intel Xeon processors', manufacturer: 'Intel' }],
    route: { origin: 'RS', destination: 'RU' },
  };
}

/** A third SDN file that lost most entries: the guardrail quarantines it and v2 stays in use. */
export async function publishTruncatedList(t: ScreeningTestApp): Promise<void> {
  await writeFile(join(t.sdnDir, 'sdn.csv'), `${CONSOLE_SDN_ROWS[0]}\r\n\u001a`);
  const source = t.container.lists.catalog.get('us-ofac-sdn');
  assert.ok(source);
  const outcome = await refreshSource(t.container.lists.refreshDeps, source);
  assert.equal(outcome.outcome, 'quarantined', outcome.detail ?? undefined);
}
