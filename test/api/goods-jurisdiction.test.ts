import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';

// POST /screen decides which regimes bind from the exporter party, `exporterCountry`, the goods' origin and the
// tenant policy's `jurisdictions`; each goods finding says why its regime applies.
let t: ScreeningTestApp;
before(async () => {
  t = await startScreeningApp();
});
after(async () => {
  await t?.close();
});

type Finding = { kind: string; severity: string; source?: string; reason: string; entry?: { id: string } };
const screen = async (body: object) => {
  const res = await t.http().post('/screen').set(bearer(t.adminKey)).send(body);
  assert.equal(res.status, 200, res.text);
  assertContract(res, 'screen');
  return res.body as { decision: string; findings: Finding[] };
};
const toCuba = (exporterCountry: string, originCountry: string) => ({
  date: '2026-03-01',
  parties: [
    { role: 'exporter', kind: 'organization', name: 'Beispiel Maschinenbau GmbH', country: exporterCountry },
  ],
  goods: [{ controlNumber: '5A992.c', originCountry }],
  route: { destination: 'CU' },
});

describe('goods rules where their regime binds', () => {
  test('the US Cuba embargo does not bind a German exporter of German goods', async () => {
    const body = await screen(toCuba('DE', 'DE'));
    assert.ok(
      !body.findings.some((f) => f.entry?.id.startsWith('embargoes:CU')),
      JSON.stringify(body.findings),
    );
    assert.notEqual(body.decision, 'block');
  });

  test('it does bind US-origin goods, and the finding says why', async () => {
    const body = await screen(toCuba('DE', 'US'));
    assert.equal(body.decision, 'block');
    const goods = body.findings.find((f) => f.kind === 'goods_control');
    assert.match(goods?.reason ?? '', /US rule: US-origin goods/);
  });

  test('exporterCountry overrides the parties, and the tenant policy adds its own regimes', async () => {
    const declared = await screen({ ...toCuba('DE', 'DE'), exporterCountry: 'US' });
    assert.equal(declared.decision, 'block');
    const put = await t
      .http()
      .put('/policy')
      .set(bearer(t.adminKey))
      .send({ jurisdictions: ['US'] });
    assert.equal(put.status, 200, put.text);
    try {
      const bank = await screen(toCuba('DE', 'DE'));
      assert.match(
        bank.findings.find((f) => f.kind === 'goods_control')?.reason ?? '',
        /tenant policy binds US/,
      );
    } finally {
      await t.http().put('/policy').set(bearer(t.adminKey)).send({ jurisdictions: [] });
    }
  });

  test('a policy naming an unknown regime, or a malformed contract date, is a 400, not a 500', async () => {
    const bad = await t
      .http()
      .put('/policy')
      .set(bearer(t.adminKey))
      .send({ jurisdictions: ['XX'] });
    assert.equal(bad.status, 400);
    const res = await t
      .http()
      .post('/screen')
      .set(bearer(t.adminKey))
      .send({ ...toCuba('DE', 'DE'), contractDate: '2023-13-45' });
    assert.equal(res.status, 400);
  });

  test('goods to Russia absent from the loaded tables are never clear (list_coverage)', async () => {
    const body = await screen({
      date: '2026-03-01',
      parties: [
        { role: 'exporter', kind: 'organization', name: 'Beispiel Maschinenbau GmbH', country: 'DE' },
      ],
      goods: [{ code: '8467.21', originCountry: 'DE' }],
      route: { destination: 'RU' },
    });
    assert.notEqual(body.decision, 'clear');
    assert.ok(body.findings.some((f) => f.kind === 'list_coverage' && f.severity === 'review'));
  });
});
