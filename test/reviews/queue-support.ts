import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mock } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract } from '../support/contract.ts';
import type { ScreeningTestApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

// What the queue's test files share: the app they run against (set by each file's before()), parties whose
// decisions the fixture SDN list fixes, and small calls through the real HTTP API, contract-checked.
let t: ScreeningTestApp;
export function useApp(app: ScreeningTestApp) {
  t = app;
}

export interface Item {
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

export const NORDLICHT = { name: 'Nordlicht Handel GmbH', kind: 'organization', country: 'DE' }; // review
export const PETROV = { name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' }; // block
export const CLEAN = { name: 'Siemens AG', kind: 'organization', country: 'DE' }; // clear

export async function newTenant(): Promise<{ id: string; key: string }> {
  const id = `queue-${randomBytes(4).toString('hex')}`;
  const created = await createTenantService(t.container.pool, t.container.keys).create(id, id);
  return { id, key: created.key.key };
}

export async function keyWith(admin: string, scopes: string[]) {
  const res = await t
    .http()
    .post('/keys')
    .set(bearer(admin))
    .send({ name: scopes.join(' '), scopes });
  assert.equal(res.status, 201, res.text);
  return { id: res.body.id as string, key: res.body.key as string };
}

export async function screen(key: string, reference: string | null, party: object) {
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
export async function screenAgo(hours: number, admin: string, reference: string, party: object) {
  const { key } = await keyWith(admin, ['screen']);
  mock.timers.enable({ apis: ['Date'], now: Date.now() - hours * 3_600_000 });
  try {
    return await screen(key, reference, party);
  } finally {
    mock.timers.reset();
  }
}

export async function queue(key: string, query: Record<string, string | number | boolean> = {}) {
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

export async function item(key: string, screeningId: string) {
  const res = await t.http().get(`/queue/${screeningId}`).set(bearer(key));
  assertContract(res, 'getQueueItem');
  return res;
}

export const post = (key: string, path: string, body?: object) => {
  const r = t.http().post(path).set(bearer(key));
  return body ? r.send(body) : r;
};
