import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Response } from 'supertest';
import { createJobRunner } from '../../src/screen-jobs/run-screen-job.ts';
import { verify } from '../../src/webhooks/signature.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { eventually, startReceiver } from '../webhooks/receiver.ts';
import { auditedScreenings, getJob, newTenant, results, upload } from './support.ts';

let t: ScreeningTestApp;

before(async () => {
  // The callback receiver listens on 127.0.0.1: private destinations allowed, as on premises.
  t = await startScreeningApp({
    env: { SCREEN_JOB_MAX_MB: '1', WEBHOOK_RETRY_BASE_MS: '100', OUTBOUND_ALLOW_PRIVATE: 'true' },
  });
});
after(async () => {
  await t?.close();
});

const ndjson = (n: number) =>
  `${Array.from({ length: n }, (_, i) => JSON.stringify({ reference: `r${i + 1}`, parties: [{ name: `Initech ${i + 1} Ltd` }] })).join('\n')}\n`;

async function storedJobs(tenantId: string) {
  const { rows } = await t.container.pool.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM screen_jobs WHERE tenant_id = $1)
          + (SELECT count(*) FROM screen_job_rows r JOIN screen_jobs j ON j.id = r.job_id WHERE j.tenant_id = $1) AS n`,
    [tenantId],
  );
  return rows[0]!.n;
}

test('an upload over SCREEN_JOB_MAX_MB is refused with 413 and nothing is stored', async () => {
  const tenant = await newTenant(t);
  const big = ndjson(20_000);
  assert.ok(Buffer.byteLength(big) > 1024 * 1024);
  // Announced size: refused before reading.
  const announced = await upload(t, tenant.key, 'application/x-ndjson', big);
  assert.equal(announced.status, 413, announced.text);
  // Chunked, no Content-Length: refused while streaming, after some rows were already written (then rolled back).
  const server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
      (ok, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/screen/jobs',
            headers: { Authorization: `Bearer ${tenant.key}`, 'Content-Type': 'application/x-ndjson' },
          },
          (r) => {
            let text = '';
            r.setEncoding('utf8');
            r.on('data', (c) => (text += c));
            r.on('end', () => ok({ status: r.statusCode!, headers: r.headers, text }));
          },
        );
        req.on('error', fail);
        for (let i = 0; i < big.length; i += 64 * 1024) req.write(big.slice(i, i + 64 * 1024));
        req.end();
      },
    );
    assert.equal(res.status, 413, res.text);
    assertContract(res as unknown as Response, 'createScreenJob');
    assert.equal(JSON.parse(res.text).status, 413);
  } finally {
    await new Promise((r) => server.close(r));
  }
  assert.equal(await storedJobs(tenant.id), 0);
  assert.equal((await auditedScreenings(t, tenant.id)).length, 0);
});

test('running a job again, even two runs at once, screens no row twice', async () => {
  const tenant = await newTenant(t);
  // No worker in this test: the job is run by hand, in small chunks, by two runners racing.
  const res = await upload(t, tenant.key, 'application/x-ndjson', ndjson(300));
  assert.equal(res.status, 202, res.text);
  const runner = () =>
    createJobRunner({ ...t.container, queue: t.container.screenJobs.queue, chunkRows: 20 });
  const outcomes = await Promise.allSettled([runner().run(res.body.id), runner().run(res.body.id)]);
  assert.ok(outcomes.some((o) => o.status === 'fulfilled'));
  await runner().run(res.body.id);
  await t.container.screenJobs.runner.run(res.body.id);
  const job = await getJob(t, tenant.key, res.body.id);
  assert.equal(job.body.status, 'done');
  assert.equal(job.body.rowsDone, 300);
  assert.equal(job.body.counts.clear + job.body.counts.review + job.body.counts.block, 300);
  const audited = await auditedScreenings(t, tenant.id);
  assert.equal(audited.length, 300);
  const lines = (await results(t, tenant.key, res.body.id)).body
    .trimEnd()
    .split('\n')
    .map((l: string) => JSON.parse(l));
  assert.deepEqual(new Set(lines.map((l: { screeningId: string }) => l.screeningId)), new Set(audited));
});

test("another tenant's job is 404, its progress and its results", async () => {
  const a = await newTenant(t);
  const b = await newTenant(t);
  const res = await upload(t, a.key, 'text/csv', 'party_name\nUmbrella Ltd\n');
  assert.equal(res.status, 202, res.text);
  const progress = await getJob(t, b.key, res.body.id);
  assert.equal(progress.status, 404);
  const out = await results(t, b.key, res.body.id);
  assert.equal(out.status, 404);
  assert.equal((await getJob(t, a.key, res.body.id)).status, 200);
});

test('a bad CSV header is refused with 400 and nothing is stored', async () => {
  const tenant = await newTenant(t);
  const res = await upload(t, tenant.key, 'text/csv', 'name,country\nUmbrella Ltd,GB\n');
  assert.equal(res.status, 400, res.text);
  assert.match(res.text, /party_name/);
  assert.equal(await storedJobs(tenant.id), 0);
});

test('callbackUrl: a signed notice is POSTed when the job is done, retried, and its delivery recorded', async () => {
  const tenant = await newTenant(t);
  const receiver = await startReceiver();
  receiver.answer(500);
  try {
    const res = await upload(
      t,
      tenant.key,
      'application/x-ndjson',
      ndjson(5),
      `?callbackUrl=${encodeURIComponent(receiver.url)}`,
    );
    assert.equal(res.status, 202, res.text);
    assert.match(res.body.callbackSecret, /^whsec_/);
    const task = (attemptsMade: number, name: string) => ({
      name,
      data: { jobId: res.body.id },
      attemptsMade,
      opts: { attempts: 3 },
    });
    await t.container.screenJobs.process(task(0, 'run'));
    await assert.rejects(t.container.screenJobs.process(task(0, 'notify')), /HTTP 500/);
    assert.equal((await getJob(t, tenant.key, res.body.id)).body.callbackStatus, 'pending');
    await t.container.screenJobs.process(task(1, 'notify'));
    const delivered = await eventually(
      async () =>
        (await getJob(t, tenant.key, res.body.id)).body.callbackStatus === 'delivered' ? true : undefined,
      'callback delivered',
    );
    assert.ok(delivered);
    assert.equal(receiver.received.length, 2);
    const last = receiver.received[1]!;
    const notice = JSON.parse(last.body);
    assert.equal(notice.event, 'screen_job.done');
    assert.equal(notice.job.id, res.body.id);
    assert.equal(notice.job.rowsDone, 5);
    assert.ok(
      verify(
        res.body.callbackSecret,
        String(last.headers['x-tradescreen-timestamp']),
        last.body,
        String(last.headers['x-tradescreen-signature']),
      ),
    );
    // Delivered once: a duplicate notify job sends nothing.
    await t.container.screenJobs.process(task(2, 'notify'));
    assert.equal(receiver.received.length, 2);
  } finally {
    await receiver.close();
  }
});
