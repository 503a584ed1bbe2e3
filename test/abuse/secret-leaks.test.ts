import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import supertest from 'supertest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type Container, createContainer } from '../../src/container.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { createLogger } from '../../src/logger.ts';
import { assertContract } from '../support/contract.ts';
import { startTestDatabase, type TestDatabase } from '../support/database.ts';
import { bearer, newAdminSecret } from '../support/test-app.ts';

/**
 * Secrets never reach a log line or another tenant: API keys (admin, created, revoked, unknown), and the EU FSF
 * subscriber token that lives in LIST_SOURCE_EU_FSF's query string. The app logs at trace level into a buffer.
 */
const FSF_TOKEN = 'FSFTOKEN0123456789abcdef';
let logs = '';
let db: TestDatabase;
let container: Container;
let agent: supertest.Agent;
let authority: Server;
let adminKey: string;

before(async () => {
  // The "authority" answers 503, so the refresh fails with an error that names the URL.
  authority = createServer((_req, res) => res.writeHead(503).end());
  await new Promise<void>((resolve) => authority.listen(0, '127.0.0.1', resolve));
  const { port } = authority.address() as { port: number };
  db = await startTestDatabase();
  adminKey = newAdminSecret();
  const config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? '',
    TRADESCREEN_ADMIN_KEY: adminKey,
    LOG_LEVEL: 'trace',
    RUN_WORKERS: 'false',
    QUEUE_PREFIX: `test-leaks-${process.pid}`,
    LISTS_ENABLED: 'eu-fsf',
    LIST_SOURCE_EU_FSF: `http://127.0.0.1:${port}/fsf/files/xmlFullSanctionsList_1_1/content?token=${FSF_TOKEN}`,
  });
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs += String(chunk);
      done();
    },
  });
  container = await createContainer(config, createLogger('trace', sink));
  agent = supertest.agent(createApp(container));
});
after(async () => {
  await container?.close();
  await db?.close();
  await new Promise<void>((resolve) => authority?.close(() => resolve()));
});

describe('secrets stay out of logs and responses', () => {
  test('API keys: used, created, revoked, unknown, misplaced — none appears in the log', async () => {
    const created = await agent
      .post('/keys')
      .set(bearer(adminKey))
      .send({ name: 'leak check', scopes: ['screen'] });
    assert.equal(created.status, 201, created.text);
    assertContract(created, 'createApiKey');
    const secret = created.body.key as string;
    const unknown = newAdminSecret();
    const ok = await agent
      .post('/screen')
      .set(bearer(secret))
      .send({ parties: [{ name: 'Acme' }] });
    assertContract(ok, 'screen');
    const revoke = await agent.delete(`/keys/${created.body.id}`).set(bearer(adminKey));
    assert.equal(revoke.status, 204);
    const revoked = await agent.get('/policy').set(bearer(secret));
    assert.equal(revoked.status, 401);
    assertContract(revoked, 'getPolicy');
    const bad = await agent.get('/policy').set(bearer(unknown));
    assert.equal(bad.status, 401);
    await agent
      .get('/policy')
      .set('Authorization', `Basic ${Buffer.from(`u:${unknown}`).toString('base64')}`);
    await agent.get(`/no-such-route?api_key=${unknown}`);
    await agent.post('/screen').set(bearer(unknown)).set('Idempotency-Key', unknown).send({ parties: [] });

    // Shapes code may log by hand (outgoing requests, errors carrying their request).
    const log = container.log;
    log.info({ req: { headers: { authorization: `Bearer ${adminKey}` } } }, 'shape 1');
    log.info({ headers: { Authorization: `Bearer ${adminKey}` } }, 'shape 2');
    log.info({ request: { headers: { authorization: `Bearer ${adminKey}` } } }, 'shape 3');
    log.info({ authorization: `Bearer ${adminKey}`, key: secret, adminKey, apiKey: unknown }, 'shape 4');
    log.info({ created: { key: secret, token: FSF_TOKEN } }, 'shape 5');

    assert.match(logs, /"msg":"request"/, 'the capture sees the access log');
    assert.match(logs, /\[redacted\]/, 'the capture sees redaction at work');
    for (const [what, value] of Object.entries({ adminKey, secret, unknown })) {
      assert.ok(!logs.includes(value), `${what} appears in the log`);
      assert.ok(!logs.includes(value.slice(8)), `${what} (without its prefix) appears in the log`);
    }
  });

  test('the EU FSF token in LIST_SOURCE_EU_FSF shows neither in GET /lists nor in the log', async () => {
    const source = container.lists.catalog.get('eu-fsf');
    assert.ok(source);
    const outcome = await refreshSource(container.lists.refreshDeps, source);
    assert.equal(outcome.outcome, 'failed', String(outcome.detail));
    assert.match(String(outcome.detail), /HTTP 503/);
    for (const path of ['/lists/eu-fsf', '/lists']) {
      const res = await agent.get(path).set(bearer(adminKey));
      assert.equal(res.status, 200, res.text);
      assertContract(res, path === '/lists' ? 'listSources' : 'getSource');
      assert.match(res.text, /127\.0\.0\.1/, 'the location is still shown');
      assert.ok(!res.text.includes(FSF_TOKEN), `${path} shows the FSF token: ${res.text.slice(0, 600)}`);
    }
    const { rows } = await container.pool.query(
      `SELECT count(*)::int AS n FROM list_attempts WHERE detail LIKE $1 OR location LIKE $1`,
      [`%${FSF_TOKEN}%`],
    );
    assert.equal(rows[0].n, 0, 'the token is stored in refresh attempts');
    assert.ok(!logs.includes(FSF_TOKEN), 'the FSF token appears in the log');
  });
});
