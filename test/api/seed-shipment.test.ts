import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ALL_SHIPPED_LISTS } from '../../src/goods/index.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { assertContract } from '../support/contract.ts';
import { listFile, skipWithoutLists } from '../support/lists-dir.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

// The story tradescreen exists for: a Serbian exporter, a Russian consignee already under US sanctions,
// Intel processors (HS 8542.31) on the Common High Priority List. On the real OFAC and EU files.
let t: TestApp | undefined;
before(async () => {
  if (skipWithoutLists) return;
  t = await startTestApp({
    // Every shipped control table, the prohibition tables (Annex VII…) included, as a default deployment.
    LISTS_ENABLED: ['us-ofac-sdn', 'eu-oj', ...Object.keys(ALL_SHIPPED_LISTS)].join(','),
    LIST_SOURCE_US_OFAC_SDN: listFile('ofac_sdn'),
    LIST_SOURCE_EU_OJ: listFile('eu_oj_opensanctions'),
  });
  for (const source of t.container.lists.catalog.sources) {
    const outcome = await refreshSource(t.container.lists.refreshDeps, source);
    assert.equal(outcome.outcome, 'activated', `${source.id}: ${outcome.detail}`);
  }
  await t.container.lists.active.refresh();
  // The bank screening the shipment is bound by EU, US and UK law whatever its Serbian customer is.
  const policy = await t
    .http()
    .put('/policy')
    .set(bearer(t.adminKey))
    .send({ jurisdictions: ['EU', 'US', 'UK'] });
  assert.equal(policy.status, 200, policy.text);
});
after(async () => {
  await t?.close();
});

const SEED = {
  reference: 'seed-shipment',
  parties: [
    { role: 'exporter', kind: 'organization', name: 'Kominvex d.o.o.', country: 'RS' },
    { role: 'consignee', kind: 'organization', name: 'OOO Bitteria', country: 'RU' },
  ],
  goods: [{ code: '8542.31', description: 'Intel Xeon processors', manufacturer: 'Intel' }],
  route: { origin: 'RS', destination: 'RU' },
};

describe('the seed shipment on the real lists', { skip: skipWithoutLists }, () => {
  test('Kominvex → Bitteria, Intel processors, RS → RU: block, with each finding explained', async () => {
    const res = await t!.http().post('/screen').set(bearer(t!.adminKey)).send(SEED);
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    assert.equal(res.body.decision, 'block');
    type F = {
      kind: string;
      severity: string;
      partyIndex?: number;
      source?: string;
      entry?: { id: string };
      reason: string;
      legalBasis?: { act: string };
    };
    const findings = res.body.findings as F[];
    const has = (pred: (f: F) => boolean, what: string) => {
      const f = findings.find(pred);
      assert.ok(f, `missing finding: ${what}\n${JSON.stringify(findings, null, 1).slice(0, 3000)}`);
      assert.ok(f.reason.length > 20, `${what} has a reason`);
      assert.ok(f.legalBasis?.act, `${what} has a legal basis`);
      return f;
    };
    has(
      (f) => f.partyIndex === 1 && f.source === 'us-ofac-sdn' && f.entry?.id === '44823',
      'consignee on OFAC SDN 44823',
    );
    has(
      (f) => f.partyIndex === 0 && f.source === 'us-ofac-sdn' && f.entry?.id === '47483',
      'exporter on OFAC SDN 47483',
    );
    const eu = has(
      (f) => f.partyIndex === 0 && f.source === 'eu-oj' && f.entry?.id === '32014R0833:IV:689',
      'exporter on EU Reg. 833/2014 Annex IV',
    );
    assert.match(eu.reason, /Annex IV/);
    const goods = has((f) => f.kind === 'goods_control' && f.source === 'chpl', 'CHPL goods');
    assert.match(goods.reason, /tier 1/);
    // The ban, not the Art. 12g list: Reg. 833/2014 Art. 2a (Annex VII) and EAR §746.8, each saying why it binds.
    assert.match(goods.reason, /prohibited under Reg\. \(EU\) 833\/2014 Art\. 2, 2a and 3k/);
    assert.match(goods.reason, /15 CFR §746\.8/);
    assert.match(goods.reason, /EU rule: the tenant policy binds EU; US rule: the tenant policy binds US/);
    assert.equal(goods.severity, 'block');
    // G2's Annex VII row: processors (X.A.I.001.a) to Russia, cited to its own article and annex.
    const annexVii = has(
      (f) => f.kind === 'goods_control' && f.source === 'eu-833-annex-vii',
      'Annex VII (Art. 2a) processors',
    );
    assert.match(annexVii.reason, /prohibited under Reg\. \(EU\) 833\/2014 Art\. 2a and Annex VII/);
    assert.match(annexVii.reason, /EU rule: the tenant policy binds EU/);
    assert.equal(annexVii.severity, 'block');
    // EAR Supp. No. 4 to Part 746: all of chapter 85 needs a BIS licence for Russia since 2023-05-19.
    const ear = has((f) => f.kind === 'goods_control' && f.source === 'us-746-supp-4', 'EAR Supp. No. 4');
    assert.match(ear.reason, /need a licence under 15 CFR Part 746 Supp\. No\. 4 \(EAR\)/);
    assert.match(ear.reason, /US rule: the tenant policy binds US/);
    assert.equal(ear.severity, 'block');
  });

  test('a CHPL chip from a German exporter to India: review, citing India as derived from EU Annex IV', async () => {
    const res = await t!
      .http()
      .post('/screen')
      .set(bearer(t!.adminKey))
      .send({
        reference: 'chip-to-india',
        date: '2025-06-01',
        parties: [{ role: 'exporter', kind: 'organization', name: 'Muster Elektronik GmbH', country: 'DE' }],
        goods: [{ code: '8542.31', originCountry: 'DE' }],
        route: { origin: 'DE', destination: 'IN' },
      });
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'screen');
    assert.notEqual(res.body.decision, 'clear');
    const derived = (res.body.findings as { explanation?: { detail?: string }[] }[]).some((f) =>
      f.explanation?.some((e) => e.detail === 'diversion-risk:IN:EU-ANNEX-IV'),
    );
    assert.ok(derived, JSON.stringify(res.body.findings).slice(0, 2000));
  });

  test('Siemens AG (DE), no goods: clear, and recorded', async () => {
    const res = await t!
      .http()
      .post('/screen')
      .set(bearer(t!.adminKey))
      .send({
        reference: 'onboarding-siemens',
        parties: [{ name: 'Siemens AG', country: 'DE', kind: 'organization' }],
      });
    assert.equal(res.status, 200);
    assert.equal(res.body.decision, 'clear', JSON.stringify(res.body.findings));
    const { rows } = await t!.container.pool.query('SELECT decision FROM screenings WHERE id = $1', [
      res.body.id,
    ]);
    assert.equal(rows[0]?.decision, 'clear');
  });
});
