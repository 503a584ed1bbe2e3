import assert from 'node:assert/strict';
import type { TestApp } from './test-app.ts';
import { bearer } from './test-app.ts';

/** Creates a tenant watchlist through the API and uploads its entries as CSV; returns the watchlist's id. */
export async function watchlistWith(
  t: Pick<TestApp, 'http'>,
  key: string,
  name: string,
  csv: string,
): Promise<string> {
  const created = await t.http().post('/watchlists').set(bearer(key)).send({ name });
  assert.equal(created.status, 201, created.text);
  const up = await t
    .http()
    .put(`/watchlists/${created.body.id}/entries`)
    .set(bearer(key))
    .set('Content-Type', 'text/csv')
    .send(csv);
  assert.equal(up.status, 200, up.text);
  return created.body.id;
}
