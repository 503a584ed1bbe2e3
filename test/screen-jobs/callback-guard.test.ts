import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { startReceiver } from '../webhooks/receiver.ts';
import { getJob, newTenant, upload } from './support.ts';

// The default configuration: OUTBOUND_ALLOW_PRIVATE unset, so the SSRF guard is on.
let t: ScreeningTestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

before(async () => {
  t = await startScreeningApp();
  receiver = await startReceiver();
});
after(async () => {
  await receiver?.close();
  await t?.close();
});

const ndjson = `${JSON.stringify({ reference: 'r1', parties: [{ name: 'Initech Ltd' }] })}\n`;

async function storedJobs(tenantId: string): Promise<number> {
  const { rows } = await t.container.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM screen_jobs WHERE tenant_id = $1`,
    [tenantId],
  );
  return rows[0]!.n;
}

for (const [given, reason] of [
  ['loopback', /loopback/],
  ['http://169.254.169.254/latest/meta-data/', /link-local/],
  ['http://0x7f.1/notify', /loopback/],
  ['http://[fd00::1]/notify', /unique-local/],
  ['http://localhost/notify', /localhost/],
] as const)
  test(`callbackUrl ${given} → 400 naming the query parameter, nothing stored`, async () => {
    const tenant = await newTenant(t);
    const url = given === 'loopback' ? receiver.url : given;
    const res = await upload(
      t,
      tenant.key,
      'application/x-ndjson',
      ndjson,
      `?callbackUrl=${encodeURIComponent(url)}`,
    );
    assert.equal(res.status, 400, res.text);
    assert.match(res.body.detail, reason);
    assert.deepEqual(
      res.body.errors.map((e: { in: string; pointer: string }) => [e.in, e.pointer]),
      [['query', '/callbackUrl']],
    );
    assert.equal(await storedJobs(tenant.id), 0);
  });

test('a callback whose name now resolves to loopback is refused at delivery and not retried', async () => {
  const tenant = await newTenant(t);
  const res = await upload(
    t,
    tenant.key,
    'application/x-ndjson',
    ndjson,
    `?callbackUrl=${encodeURIComponent('https://hooks.example.com/notify')}`,
  );
  assert.equal(res.status, 202, res.text);
  // Stands for the registered name's DNS answering 127.0.0.1 after registration (rebinding).
  await t.container.pool.query(`UPDATE screen_jobs SET callback_url = $2 WHERE id = $1`, [
    res.body.id,
    receiver.url.replace('127.0.0.1', 'localhost'),
  ]);
  const task = (name: string) => ({
    name,
    data: { jobId: res.body.id },
    attemptsMade: 0,
    opts: { attempts: 5 },
  });
  await t.container.screenJobs.process(task('run'));
  // The first of five attempts, yet final: nothing is thrown for the queue to retry.
  assert.deepEqual(await t.container.screenJobs.process(task('notify')), { status: 'refused' });
  assert.equal(receiver.received.length, 0, 'nothing reached the loopback receiver');
  const job = await getJob(t, tenant.key, res.body.id);
  assert.equal(job.status, 200, job.text);
  assert.equal(job.body.callbackStatus, 'failed');
  const { rows } = await t.container.pool.query(
    `SELECT attempts, last_error FROM screen_job_callbacks WHERE job_id = $1`,
    [res.body.id],
  );
  assert.equal(rows[0].attempts, 1);
  assert.match(rows[0].last_error, /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback/);
});
