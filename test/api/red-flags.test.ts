import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import {
  APPLES_TO_GERMANY,
  KOMINVEX_FLAGS,
  PROCESSORS_TO_RUSSIA,
  SOHA_LIKE_SHIPMENT,
} from '../red-flags/profiles.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

// POST /screen with the optional company and transaction facts: red flags beside the list and goods findings,
// under the tenant's policy, from the tenant's own history and the lists' addresses.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp({
    // The fixture's listed Russian microelectronics company, at an invented Moscow address.
    addresses: ['91001,7101,"Ul. Vymyshlennaya D. 17","Moscow 101000","Russia",-0- '],
  });
});
after(async () => {
  await t?.close();
});

/** Each test its own tenant: its own policy and its own screening history. */
async function tenant() {
  const b = await createTenantService(t.container.pool, t.container.keys).create(
    `rf-${randomUUID().slice(0, 8)}`,
    'Red flags tenant',
  );
  return { id: b.tenantId, key: b.key.key };
}

type Finding = {
  id: string;
  kind: string;
  severity: string;
  reason: string;
  redFlag?: { rule: string; facts: Record<string, unknown>; sources: { title: string; url: string }[] };
};
async function screen(key: string, body: object) {
  const res = await t.http().post('/screen').set(bearer(key)).send(body);
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'screen');
  return res.body as { decision: string; findings: Finding[] };
}
const rulesOf = (findings: Finding[]) =>
  findings
    .filter((f) => f.kind === 'red_flag')
    .map((f) => f.redFlag!.rule)
    .sort();

describe('red flags through POST /screen', () => {
  test('the Kominvex-like shipment raises its red flags with their sources; apples to Germany none', async () => {
    const { key } = await tenant();
    const body = await screen(key, PROCESSORS_TO_RUSSIA);
    assert.deepEqual(rulesOf(body.findings), KOMINVEX_FLAGS);
    for (const f of body.findings.filter((x) => x.kind === 'red_flag')) {
      assert.equal(f.severity, 'review');
      assert.ok(
        f.redFlag!.sources.some((s) => /FinCEN|BIS|Commission/.test(s.title)),
        f.id,
      );
    }
    const apples = await screen(key, APPLES_TO_GERMANY);
    assert.deepEqual(rulesOf(apples.findings), []);
  });

  test('a Soha-Info-like exporter raises the new-company flag, and the answer is at least review', async () => {
    const { key } = await tenant();
    const body = await screen(key, SOHA_LIKE_SHIPMENT);
    assert.ok(rulesOf(body.findings).includes('new-company'), JSON.stringify(body.findings));
    assert.notEqual(body.decision, 'clear');
  });

  test('a request with none of the new facts gets exactly the findings it got before', async () => {
    const { key } = await tenant();
    const { transaction: _t, ...bare } = PROCESSORS_TO_RUSSIA;
    const plain = {
      ...bare,
      parties: bare.parties.map((p) => ({ role: p.role, kind: p.kind, name: p.name, country: p.country })),
    };
    const without = await screen(key, plain);
    const withFacts = await screen(key, PROCESSORS_TO_RUSSIA);
    assert.deepEqual(rulesOf(without.findings), []);
    assert.deepEqual(
      without.findings,
      withFacts.findings.filter((f) => f.kind !== 'red_flag'),
    );
  });

  test('a counterparty known for apples that now ships processors: the goods are new for it', async () => {
    const { key } = await tenant();
    await screen(key, APPLES_TO_GERMANY);
    await screen(key, { ...APPLES_TO_GERMANY, reference: 'apples-2' });
    const body = await screen(key, PROCESSORS_TO_RUSSIA);
    const fresh = body.findings.find((f) => f.redFlag?.rule === 'new-goods-for-party');
    assert.ok(fresh, JSON.stringify(rulesOf(body.findings)));
    assert.equal(fresh.redFlag!.facts.earlierScreenings, 2);
    assert.equal(fresh.redFlag!.facts.earlierChapters, '08');
    assert.equal(fresh.redFlag!.facts.newChapters, '85');
  });

  test('a consignee at the address of a listed entry', async () => {
    const { key } = await tenant();
    const body = await screen(key, {
      date: '2023-06-15',
      parties: [
        { role: 'exporter', kind: 'organization', name: 'Harmless Export d.o.o.', country: 'RS' },
        {
          role: 'consignee',
          kind: 'organization',
          name: 'OOO Novy Partner',
          country: 'RU',
          address: 'ul. Vymyshlennaya d. 17, 101000 Moscow, Russia',
        },
      ],
      transaction: { incoterms: 'EXW' },
    });
    const at = body.findings.find((f) => f.redFlag?.rule === 'listed-address');
    assert.ok(at, JSON.stringify(body.findings));
    assert.match(String(at.redFlag!.facts.listedEntry), /us-ofac-sdn 91001/);
  });
});

describe('red flags under the tenant policy', () => {
  test('a rule switched off and a threshold changed take effect, and the change is an audit event', async () => {
    const { id, key } = await tenant();
    const redFlags = { 'new-company': { threshold: 6 }, 'activity-changed-recently': { enabled: false } };
    const put = await t.http().put('/policy').set(bearer(key)).send({ redFlags });
    assert.equal(put.status, 200, put.text);
    assertContract(put, 'updatePolicy');
    assert.deepEqual(put.body.redFlags, redFlags);
    const { rows } = await t.container.pool.query(
      `SELECT payload FROM audit_events WHERE tenant_id = $1 AND type = 'policy.changed' ORDER BY seq`,
      [id],
    );
    assert.deepEqual(rows.at(-1)?.payload.settings.redFlags, redFlags);

    assert.ok(!rulesOf((await screen(key, SOHA_LIKE_SHIPMENT)).findings).includes('new-company'));
    const kominvex = rulesOf((await screen(key, PROCESSORS_TO_RUSSIA)).findings);
    assert.deepEqual(
      kominvex,
      KOMINVEX_FLAGS.filter((r) => r !== 'activity-changed-recently'),
    );
  });

  test('an unknown rule or a threshold for a rule without one is refused with a problem, not stored', async () => {
    const { id, key } = await tenant();
    for (const redFlags of [{ 'new-compnay': { enabled: false } }, { 'diversion-route': { threshold: 3 } }]) {
      const res = await t.http().put('/policy').set(bearer(key)).send({ redFlags });
      assert.equal(res.status, 400, res.text);
      assertContract(res, 'updatePolicy');
    }
    const bad = await t
      .http()
      .put('/policy')
      .set(bearer(key))
      .send({ redFlags: { 'new-company': { severity: 'block' } } });
    assert.equal(bad.status, 400, 'a red flag can never be set to block');
    const { rows } = await t.container.pool.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND type = 'policy.changed'`,
      [id],
    );
    assert.equal(rows[0].n, 0);
  });
});
