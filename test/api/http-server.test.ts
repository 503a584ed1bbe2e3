import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import supertest from 'supertest';
import { createHttpServer } from '../../src/http/http-server.ts';
import { assertContract } from '../support/contract.ts';
import {
  FIXTURE_BLOCKED_SHIPMENT,
  type ScreeningTestApp,
  startScreeningApp,
} from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

let t: ScreeningTestApp;
let server: ReturnType<typeof createHttpServer>;
let url: string;
const arrivals: { request: boolean; response: boolean }[] = [];

before(async () => {
  t = await startScreeningApp();
  server = createHttpServer(t.app);
  // Runs before the app: what node:http created, before express could touch it.
  server.prependListener('request', (req, res) => {
    arrivals.push({
      request: Object.getPrototypeOf(req) === t.app.request,
      response: Object.getPrototypeOf(res) === t.app.response,
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await t?.close();
});

describe('the HTTP server main.ts listens with', () => {
  test('answers through the whole app: headers, body parsing, screening, contract', async () => {
    const health = await supertest(url).get('/healthz');
    assert.equal(health.status, 200);
    assertContract(health, 'getHealth');
    assert.equal(health.headers['x-content-type-options'], 'nosniff');

    const res = await supertest(url).post('/screen').set(bearer(t.adminKey)).send(FIXTURE_BLOCKED_SHIPMENT);
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    assert.equal(res.body.decision, 'block');
    const party = res.body.findings.find((f: { kind: string }) => f.kind === 'party_match');
    assert.equal(party.entry.id, '91001');

    const bad = await supertest(url)
      .post('/screen')
      .set(bearer(t.adminKey))
      .set('Content-Type', 'application/json')
      .send('{');
    assert.equal(bad.status, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
  });

  test('creates requests and responses with the app’s prototypes, so express has none to swap', () => {
    assert.ok(arrivals.length >= 3);
    assert.deepEqual(
      arrivals.filter((a) => !a.request || !a.response),
      [],
    );
  });
});
