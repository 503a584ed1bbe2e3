import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { assertContract } from '../support/contract.ts';
import { bearer, type TestApp } from '../support/test-app.ts';

export const CONSIGNEE = 'Shenzhen Example Telecom Co., Ltd.';

/** An invented EU licence for 5A002 to a Chinese consignee, valid through 2026. */
export function licenceBody(over: Record<string, unknown> = {}) {
  return {
    number: 'DE-2026-0001',
    authority: 'BAFA',
    regime: 'EU',
    goods: [{ controlNumber: '5A002', description: 'encryption items' }],
    destination: 'CN',
    consignee: CONSIGNEE,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    ...over,
  };
}

/** A fresh tenant and its first key (every tenant scope), so each test owns all the licences it sees. */
export async function newTenant(t: TestApp): Promise<string> {
  const id = `lic-${randomUUID().slice(0, 8)}`;
  const created = await createTenantService(t.container.pool, t.container.keys).create(id, id);
  return created.key.key;
}

export async function createLicence(t: TestApp, key: string, over: Record<string, unknown> = {}) {
  const res = await t.http().post('/licences').set(bearer(key)).send(licenceBody(over));
  assert.equal(res.status, 201, res.text);
  assertContract(res, 'createLicence');
  return res.body as { id: string; number: string; status: string };
}
