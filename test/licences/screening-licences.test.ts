import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { CONSIGNEE, createLicence, newTenant } from './support.ts';

// Issue 20, must-show 4: a 5A002 line to China with a valid licence is licensed, with the reference; an
// expired, revoked or mismatched licence, or another tenant's, does not apply. Each test has its own tenant.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

const EU_CONTROL = 'goods_control:0:dual-use:eu-annex-i';

function shipment(
  over: { destination?: string; consignee?: string; date?: string; originCountry?: string } = {},
) {
  return {
    reference: 'PO-5A002',
    date: over.date ?? '2026-06-01',
    parties: [
      { role: 'exporter', kind: 'organization', name: 'Muster Kryptotechnik GmbH', country: 'DE' },
      { role: 'consignee', kind: 'organization', name: over.consignee ?? CONSIGNEE },
    ],
    goods: [
      {
        controlNumber: '5A002.a.1',
        description: 'encryption modules',
        quantity: 10,
        ...(over.originCountry ? { originCountry: over.originCountry } : {}),
      },
    ],
    route: { origin: 'DE', destination: over.destination ?? 'CN' },
  };
}

type F = {
  id: string;
  kind: string;
  severity: string;
  licensed?: { licenceId: string; number: string; authority: string; regime: string; validTo?: string };
  licenceChecks?: { licenceId: string; number: string; reason: string }[];
};

async function screen(key: string, body: object) {
  const res = await t.http().post('/screen').set(bearer(key)).send(body);
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'screen');
  const findings = res.body.findings as F[];
  const control = findings.find((f) => f.id === EU_CONTROL);
  assert.ok(control, `no EU dual-use finding: ${res.text}`);
  return { body: res.body, findings, control };
}

describe('licences in POST /screen', () => {
  test('5A002 to China with a valid licence: the EU control is licensed, with the reference, and stored so', async () => {
    const key = await newTenant(t);
    const before = await screen(key, shipment());
    assert.equal(before.control.severity, 'review');
    assert.equal(before.control.licensed, undefined);

    const licence = await createLicence(t, key);
    const after = await screen(key, shipment());
    assert.deepEqual(after.control.licensed, {
      licenceId: licence.id,
      number: 'DE-2026-0001',
      authority: 'BAFA',
      regime: 'EU',
      validTo: '2026-12-31',
    });
    // The finding stays, with its severity, for the officer to see.
    assert.equal(after.control.severity, 'review');
    // The US ECCN reading of the same number is another regime's control: an EU licence leaves it alone.
    for (const f of after.findings.filter((f) => f.id !== EU_CONTROL))
      assert.equal(f.licensed, undefined, f.id);
    // China is on the diversion-risk list: that route finding is not the licensed control, so it still counts.
    const raising = after.findings.filter((f) => f.severity !== 'info' && !f.licensed);
    assert.ok(
      raising.every((f) => f.kind === 'route'),
      JSON.stringify(raising),
    );
    assert.equal(after.body.decision, raising.length > 0 ? 'review' : 'clear');

    const stored = await t.http().get(`/screenings/${after.body.id}`).set(bearer(key));
    assert.equal(stored.status, 200, stored.text);
    const kept = (stored.body.result.findings as F[]).find((f) => f.id === EU_CONTROL);
    assert.equal(kept?.licensed?.number, 'DE-2026-0001');
  });

  test('the licensed control no longer raises the decision: review without the licence, clear with it', async () => {
    // Chile: outside the EU, on no embargo or diversion-risk list (Brazil is on the FinCEN/BIS alert list, whose
    // route review no licence lifts); German-made goods, so no US (EAR) nexus either
    // (goods of undeclared origin would keep a US review the EU licence cannot lift): the EU authorisation is
    // the only question.
    const key = await newTenant(t);
    const toChile = shipment({ destination: 'CL', originCountry: 'DE' });
    assert.equal((await screen(key, toChile)).body.decision, 'review');
    await createLicence(t, key, { destination: 'CL' });
    const licensed = await screen(key, toChile);
    assert.equal(licensed.control.licensed?.number, 'DE-2026-0001');
    assert.equal(licensed.body.decision, 'clear');
  });

  test('an expired licence does not apply and the finding says why', async () => {
    const key = await newTenant(t);
    await createLicence(t, key, { number: 'EXP-1', validFrom: '2025-01-01', validTo: '2025-12-31' });
    const { body, control } = await screen(key, shipment());
    assert.equal(control.licensed, undefined);
    assert.deepEqual(
      control.licenceChecks?.map((c) => c.reason),
      ['licence EXP-1 expired 2025-12-31'],
    );
    assert.equal(body.decision, 'review');
    // The same licence applied to a shipment dated within its validity.
    const earlier = await screen(key, shipment({ date: '2025-06-01' }));
    assert.equal(earlier.control.licensed?.number, 'EXP-1');
  });

  test('a wrong destination, a wrong consignee or a revoked licence does not apply', async () => {
    const key = await newTenant(t);
    await createLicence(t, key, { number: 'VN-1', destination: 'VN' });
    const wrongPlace = await screen(key, shipment());
    assert.deepEqual(
      wrongPlace.control.licenceChecks?.map((c) => c.reason),
      ['licence VN-1 is for destination VN, not CN'],
    );

    const key2 = await newTenant(t);
    await createLicence(t, key2, { number: 'C-1' });
    const wrongParty = await screen(key2, shipment({ consignee: 'Other Telecom Trading Ltd' }));
    assert.equal(wrongParty.control.licensed, undefined);
    assert.deepEqual(
      wrongParty.control.licenceChecks?.map((c) => c.reason),
      [`licence C-1: its consignee is "${CONSIGNEE}", not "Other Telecom Trading Ltd"`],
    );
    // Written differently, the licensed consignee is still the licensed consignee.
    const sameParty = await screen(key2, shipment({ consignee: 'SHENZHEN EXAMPLE TELECOM CO LTD' }));
    assert.equal(sameParty.control.licensed?.number, 'C-1');

    const key3 = await newTenant(t);
    const revoked = await createLicence(t, key3, { number: 'R-1' });
    const res = await t
      .http()
      .post(`/licences/${revoked.id}/revoke`)
      .set(bearer(key3))
      .send({ reason: 'suspended' });
    assert.equal(res.status, 200, res.text);
    const afterRevoke = await screen(key3, shipment());
    assert.equal(afterRevoke.control.licensed, undefined);
    assert.match(
      afterRevoke.control.licenceChecks?.[0]?.reason ?? '',
      /^licence R-1 was revoked on \d{4}-\d{2}-\d{2}: suspended$/,
    );
  });

  test('recorded shipments use a licence up: a line beyond what is left is not licensed', async () => {
    const key = await newTenant(t);
    const licence = await createLicence(t, key, { number: 'Q-1', quantityLimit: 100 });
    const drawn = await t
      .http()
      .post(`/licences/${licence.id}/drawdowns`)
      .set(bearer(key))
      .send({ shippedOn: '2026-05-01', quantity: 95 });
    assert.equal(drawn.status, 201, drawn.text);
    // The shipment line carries quantity 10: more than the 5 left.
    const over = await screen(key, shipment());
    assert.equal(over.control.licensed, undefined);
    assert.deepEqual(
      over.control.licenceChecks?.map((c) => c.reason),
      ['licence Q-1 is exhausted: quantity 10 exceeds the 5 of 100 left'],
    );
    const within = await screen(key, { ...shipment(), goods: [{ controlNumber: '5A002.a.1', quantity: 5 }] });
    assert.equal(within.control.licensed?.number, 'Q-1');
  });

  test("another tenant's licence never applies, and is not even mentioned", async () => {
    const keyA = await newTenant(t);
    const keyB = await newTenant(t);
    await createLicence(t, keyB, { number: 'B-ONLY' });
    assert.equal((await screen(keyB, shipment())).control.licensed?.number, 'B-ONLY');
    const a = await screen(keyA, shipment());
    assert.equal(a.control.licensed, undefined);
    assert.equal(a.control.licenceChecks, undefined);
    assert.doesNotMatch(JSON.stringify(a.body), /B-ONLY/);
  });

  test('a licence never lifts a sanctioned party or an embargoed destination', async () => {
    const key = await newTenant(t);
    // The fixture SDN lists OOO Zvezda Mikroelektronika (entry 91001); the licence names it as consignee.
    const consignee = 'OOO Zvezda Mikroelektronika';
    await createLicence(t, key, { number: 'RU-1', destination: 'RU', consignee });
    const { body, findings, control } = await screen(key, shipment({ destination: 'RU', consignee }));
    assert.equal(control.licensed?.number, 'RU-1');
    const party = findings.find((f) => f.kind === 'party_match');
    const embargo = findings.find((f) => f.kind === 'destination');
    assert.ok(party && embargo, JSON.stringify(findings));
    assert.equal(party.licensed, undefined);
    assert.equal(embargo.licensed, undefined);
    assert.equal(body.decision, 'block');
  });
});
