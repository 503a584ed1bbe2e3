import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract } from '../support/contract.ts';
import type { ScreeningTestApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { eventually } from '../webhooks/receiver.ts';

/** A tenant of its own per test, so audit counts belong to that test alone. */
export async function newTenant(t: ScreeningTestApp) {
  const b = await createTenantService(t.container.pool, t.container.keys).create(
    `sj-${randomUUID().slice(0, 8)}`,
    'Jobs tenant',
  );
  return { id: b.tenantId, key: b.key.key };
}

/** The raw text of a streamed answer (body and res.text): supertest leaves unknown types unparsed otherwise. */
const asText = (res: Response, cb: (err: Error | null, body: string) => void) => {
  const raw = res as unknown as NodeJS.ReadableStream & { text?: string };
  let text = '';
  raw.setEncoding('utf8');
  raw.on('data', (c: string) => (text += c));
  raw.on('end', () => {
    raw.text = text;
    cb(null, text);
  });
};

export async function upload(t: ScreeningTestApp, key: string, type: string, body: string, query = '') {
  const res = await t
    .http()
    .post(`/screen/jobs${query}`)
    .set(bearer(key))
    .set('Content-Type', type)
    .send(Buffer.from(body));
  assertContract(res, 'createScreenJob');
  return res;
}

export async function getJob(t: ScreeningTestApp, key: string, id: string): Promise<Response> {
  const res = await t.http().get(`/screen/jobs/${id}`).set(bearer(key));
  assertContract(res, 'getScreenJob');
  return res;
}

export function waitDone(t: ScreeningTestApp, key: string, id: string) {
  return eventually(
    async () => {
      const res = await getJob(t, key, id);
      assert.equal(res.status, 200, res.text);
      assert.notEqual(res.body.status, 'failed', res.text);
      return res.body.status === 'done' ? res.body : undefined;
    },
    `job ${id} done`,
    120_000,
  );
}

export async function results(t: ScreeningTestApp, key: string, id: string, accept = 'application/x-ndjson') {
  const res = await t
    .http()
    .get(`/screen/jobs/${id}/results`)
    .set(bearer(key))
    .set('Accept', accept)
    .buffer(true)
    .parse(asText);
  assertContract(res, 'getScreenJobResults');
  return res;
}

export async function auditedScreenings(t: ScreeningTestApp, tenantId: string) {
  const { rows } = await t.container.pool.query<{ id: string }>(
    `SELECT payload->>'screeningId' AS id FROM audit_events WHERE tenant_id = $1 AND type = 'screening'`,
    [tenantId],
  );
  return rows.map((r) => r.id);
}
