import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type supertest from 'supertest';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { assertContract } from '../support/contract.ts';
import { FIXTURE_SDN_ROWS } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { type AbuseApp, assertHandled, startAbuseApp } from './support/abuse-app.ts';

/**
 * Issue 18, item 3: every tenant's first key could refresh and activate the SHARED sources — tenant B activated
 * a quarantined version that turned tenant A's `block` into `clear`, B's key id landed in A's audit chain, and
 * the version forgot it had been quarantined. Shared sources are now the operator plane.
 */
const SDN = 'us-ofac-sdn';
let t: AbuseApp;
let a: { key: string; keyId: string; tenantId: string };
let b: { key: string; keyId: string; tenantId: string };
let operator: { key: string; keyId: string };

before(async () => {
  t = await startAbuseApp();
  const tenants = createTenantService(t.container.pool, t.container.keys);
  const ta = await tenants.create('op-tenant-a', 'Tenant A');
  const tb = await tenants.create('op-tenant-b', 'Tenant B');
  a = { key: ta.key.key, keyId: ta.key.id, tenantId: ta.tenantId };
  b = { key: tb.key.key, keyId: tb.key.id, tenantId: tb.tenantId };
  const op = await t.container.keys.createOperatorKey('night operator');
  operator = { key: op.key, keyId: op.id };

  // Version 2 drops 91003 (NORDLICHT) — a third of the list — so the drop guardrail quarantines it.
  await writeFile(join(t.sdnDir, 'sdn.csv'), `${FIXTURE_SDN_ROWS.slice(0, 2).join('\r\n')}\r\n\u001a`);
  const v2 = await refreshSource(t.container.lists.refreshDeps, t.container.lists.catalog.get(SDN)!);
  assert.deepEqual([v2.outcome, v2.version], ['quarantined', 2], v2.detail ?? '');
});
after(async () => {
  await t?.close();
});

const as = (key: string) => ({
  get: (path: string) => t.request().get(path).set(bearer(key)),
  post: (path: string, body?: object) => {
    const req = t.request().post(path).set(bearer(key));
    return body ? req.send(body) : req;
  },
});

async function versions(key: string) {
  const res = await as(key).get(`/lists/${SDN}/versions`);
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'listSourceVersions');
  return res.body.items as {
    version: number;
    status: string;
    quarantineReason: string | null;
    activatedVia: string | null;
    activationReason: string | null;
  }[];
}

/** Events per tenant chain and in the operator chain: what a refused or operator request must leave alone. */
async function chainLengths() {
  const { rows } = await t.container.pool.query(
    `SELECT tenant_id, count(*)::int AS n FROM audit_events GROUP BY tenant_id
     UNION ALL SELECT '(operator)', count(*)::int FROM operator_audit_events ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.tenant_id, r.n])) as Record<string, number>;
}

async function operatorEvents() {
  const res = await as(operator.key).get('/operator/audit');
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'listOperatorAuditEvents');
  return res.body.items as {
    seq: number;
    actor: string | null;
    type: string;
    payload: Record<string, unknown>;
  }[];
}

async function decisionOf(key: string, name: string): Promise<string> {
  await t.container.lists.active.refresh();
  const res = await as(key).post('/screen', { parties: [{ name, kind: 'organization', country: 'DE' }] });
  assert.equal(res.status, 200, res.text);
  return res.body.decision;
}

function assertRefused(res: supertest.Response, operationId: string) {
  assertHandled(res, operationId);
  assert.equal(res.status, 403, `${operationId}: ${res.status} ${res.text}`);
  assert.equal(res.body.detail, 'This API key lacks the "operator" scope');
}

describe('operator plane', () => {
  test("a tenant's first key holds lists:admin but cannot refresh, activate or read the operator chain; nothing changes", async () => {
    const whoami = await as(b.key).get('/whoami');
    assert.ok(whoami.body.scopes.includes('lists:admin'));
    assert.ok(!whoami.body.scopes.includes('operator'));
    assert.equal(await decisionOf(a.key, 'Nordlicht Handels GmbH'), 'block');
    const chains = await chainLengths();
    const listed = await versions(a.key);

    assertRefused(
      await as(b.key).post(`/lists/${SDN}/versions/2/activate`, { reason: 'looks fine to me' }),
      'activateVersion',
    );
    assertRefused(await as(b.key).post(`/lists/${SDN}/versions/2/activate`), 'activateVersion');
    assertRefused(await as(b.key).post(`/lists/${SDN}/refresh`), 'refreshSource');
    assertRefused(await as(b.key).get('/operator/audit'), 'listOperatorAuditEvents');
    assertRefused(await as(b.key).get('/operator/audit/verify'), 'verifyOperatorAuditChain');

    assert.deepEqual(await versions(a.key), listed);
    assert.deepEqual(
      listed.map((v) => [v.version, v.status]),
      [
        [2, 'quarantined'],
        [1, 'active'],
      ],
    );
    assert.deepEqual(await chainLengths(), chains);
    assert.equal(await decisionOf(a.key, 'Nordlicht Handels GmbH'), 'block');
    assert.deepEqual(
      listed.map((v) => [v.version, v.activatedVia, v.activationReason]),
      [
        [2, null, null],
        [1, 'refresh', null],
      ],
    );
  });

  test('an operator activating a quarantined version without a reason → 400, nothing changes', async () => {
    const chains = await chainLengths();
    for (const body of [undefined, {}, { reason: '   ' }]) {
      const res = await as(operator.key).post(`/lists/${SDN}/versions/2/activate`, body);
      assertHandled(res, 'activateVersion', JSON.stringify(body));
      assert.equal(res.status, 400, res.text);
      assert.match(
        res.body.detail,
        /A reason is required: version 2 of us-ofac-sdn is quarantined \(entry count fell/,
      );
    }
    assert.equal((await versions(a.key)).find((v) => v.version === 2)?.status, 'quarantined');
    assert.deepEqual(await chainLengths(), chains);
  });

  test('with a reason it activates, keeps its quarantine record, and only the operator chain records who and why', async () => {
    const chains = await chainLengths();
    const reason = 'OFAC delisted 91003 on 2026-12-01 (press release); the drop is real';
    const res = await as(operator.key).post(`/lists/${SDN}/versions/2/activate`, { reason });
    assertHandled(res, 'activateVersion');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'active');
    assert.match(res.body.quarantineReason, /entry count fell from 3 to 2/);

    // What every tenant sees on the version: quarantined once, activated over it by an operator, and why.
    const v2 = (await versions(b.key)).find((v) => v.version === 2)!;
    assert.equal(v2.status, 'active');
    assert.match(v2.quarantineReason ?? '', /entry count fell from 3 to 2/);
    assert.equal(v2.activatedVia, 'operator');
    assert.equal(v2.activationReason, reason);

    const after = await chainLengths();
    assert.equal(after['(operator)'], chains['(operator)']! + 1);
    assert.deepEqual({ ...after, '(operator)': 0 }, { ...chains, '(operator)': 0 }, 'a tenant chain grew');
    const [event] = await operatorEvents();
    assert.equal(event!.type, 'list.activated');
    assert.equal(event!.actor, operator.keyId);
    assert.equal(event!.payload.reason, reason);
    assert.equal(event!.payload.previousStatus, 'quarantined');
    assert.match(String(event!.payload.quarantineReason), /entry count fell/);
    assert.equal(event!.payload.replaced, 1);

    const verified = await as(operator.key).get('/operator/audit/verify');
    assert.equal(verified.status, 200, verified.text);
    assertContract(verified, 'verifyOperatorAuditChain');
    assert.deepEqual(verified.body, {
      ok: true,
      rowsChecked: after['(operator)'],
      firstBrokenId: null,
      problems: [],
      problemsTruncated: false,
    });
    for (const key of [a.key, b.key]) {
      const tenant = await as(key).get('/audit/verify');
      assert.equal(tenant.body.ok, true, tenant.text);
    }
    // The operator's decision is in force: the delisted entry no longer blocks.
    assert.equal(await decisionOf(a.key, 'Nordlicht Handels GmbH'), 'clear');
  });

  test('rolling back to an older version needs a reason too, and is recorded the same way', async () => {
    const denied = await as(t.adminKey).post(`/lists/${SDN}/versions/1/activate`);
    assertHandled(denied, 'activateVersion');
    assert.equal(denied.status, 400, denied.text);
    assert.match(denied.body.detail, /version 1 of us-ofac-sdn is older than the active version 2/);

    const chains = await chainLengths();
    const reason = 'the delisting was withdrawn';
    const ok = await as(t.adminKey).post(`/lists/${SDN}/versions/1/activate`, { reason });
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(
      [ok.body.status, ok.body.activatedVia, ok.body.activationReason],
      ['active', 'operator', reason],
    );
    const [event] = await operatorEvents();
    assert.deepEqual(
      [event!.type, event!.actor, event!.payload.reason, event!.payload.replaced],
      ['list.activated', 'key_bootstrap_admin', reason, 2],
    );
    const after = await chainLengths();
    assert.deepEqual({ ...after, '(operator)': 0 }, { ...chains, '(operator)': 0 }, 'a tenant chain grew');
    assert.equal(await decisionOf(a.key, 'Nordlicht Handels GmbH'), 'block');
  });

  test("an operator's refresh request is recorded in the operator chain", async () => {
    const res = await as(operator.key).post(`/lists/${SDN}/refresh`);
    assertHandled(res, 'refreshSource');
    assert.equal(res.status, 202, res.text);
    const [event] = await operatorEvents();
    assert.deepEqual(
      [event!.type, event!.actor, event!.payload.source, event!.payload.jobId],
      ['list.refresh_requested', operator.keyId, SDN, res.body.jobId],
    );
  });

  test('tenants keep full control of their own watchlists, recorded in their own chain', async () => {
    const chains = await chainLengths();
    const created = await as(b.key).post('/watchlists', { name: 'B internal risk' });
    assert.equal(created.status, 201, created.text);
    assertContract(created, 'createWatchlist');
    const id = created.body.id as string;
    const up = await t
      .request()
      .put(`/watchlists/${id}/entries`)
      .set(bearer(b.key))
      .set('Content-Type', 'text/csv')
      .send('id,name,kind\nB-1,Karakum Logistics LLP,organization\n');
    assert.equal(up.status, 200, up.text);
    assertContract(up, 'uploadWatchlistEntries');
    assert.equal(up.body.loaded, 1);

    const { rows } = await t.container.pool.query(
      `SELECT tenant_id, actor FROM audit_events WHERE type = 'list.activated' AND payload->>'source' = $1`,
      [`custom:${id}`],
    );
    assert.deepEqual(rows, [{ tenant_id: b.tenantId, actor: b.keyId }]);
    const after = await chainLengths();
    assert.equal(after['(operator)'], chains['(operator)']);
    assert.equal(after[a.tenantId], chains[a.tenantId]);

    // The shared-source route is not a way into a watchlist either.
    assertRefused(
      await as(b.key).post(`/lists/custom:${id}/versions/1/activate`, { reason: 'x' }),
      'activateVersion',
    );
    const removed = await t.request().delete(`/watchlists/${id}`).set(bearer(b.key));
    assert.equal(removed.status, 204, removed.text);
  });

  test('the operator chain shows an altered event', async () => {
    // As the superuser who can switch the append-only trigger off: the hash chain is what still catches it.
    const client = await t.container.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'ALTER TABLE operator_audit_events DISABLE TRIGGER operator_audit_events_append_only',
      );
      await client.query(
        `UPDATE operator_audit_events SET payload = jsonb_set(payload, '{reason}', '"nothing to see"')
         WHERE type = 'list.activated' AND payload->>'reason' IS NOT NULL AND seq = (
           SELECT min(seq) FROM operator_audit_events WHERE payload->>'reason' IS NOT NULL)`,
      );
      await client.query(
        'ALTER TABLE operator_audit_events ENABLE TRIGGER operator_audit_events_append_only',
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const verified = await as(operator.key).get('/operator/audit/verify');
    assert.equal(verified.status, 200, verified.text);
    assert.equal(verified.body.ok, false);
    assert.match(verified.body.detail, /content does not match its hash/);
    assert.equal(typeof verified.body.firstBrokenId, 'number');
  });
});
