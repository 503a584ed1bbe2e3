import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding, ScreenRequest } from '../../src/contract/screening-types.ts';
import { markLicensed } from '../../src/licences/apply-licences.ts';
import { EU_ANNEX_I, licenceRecord } from './fixtures.ts';

const REQ: ScreenRequest = {
  parties: [{ kind: 'organization', role: 'consignee', name: 'Shenzhen Example Telecom Co., Ltd.' }],
  goods: [
    { controlNumber: '5A002.a.1', quantity: 60 },
    { controlNumber: '5A002', quantity: 60 },
  ],
  route: { destination: 'CN' },
};

function goodsFinding(goodsIndex: number, over: Partial<Finding> = {}): Finding {
  return {
    id: `goods_control:${goodsIndex}:${EU_ANNEX_I.id}`,
    kind: 'goods_control',
    severity: 'review',
    goodsIndex,
    source: 'dual-use',
    entry: { id: EU_ANNEX_I.id, name: '5A002' },
    reason: 'needs an authorisation',
    ...over,
  };
}

const ruleOf = (id: string) => (id === EU_ANNEX_I.id ? EU_ANNEX_I : undefined);
const mark = (findings: Finding[], licences = [licenceRecord()], req = REQ) =>
  markLicensed({ req, date: '2026-06-01', findings, ruleOf }, licences);

describe('markLicensed', () => {
  test('a covered goods-control finding is marked licensed with the reference; nothing else is', () => {
    const route = goodsFinding(0, { id: 'route:0', kind: 'route' });
    const destination: Finding = { id: 'd', kind: 'destination', severity: 'review', reason: 'embargo' };
    const party: Finding = {
      id: 'p',
      kind: 'party_match',
      severity: 'block',
      partyIndex: 0,
      reason: 'listed',
    };
    const info = goodsFinding(1, { severity: 'info' });
    const [licensed, ...rest] = mark([goodsFinding(0), route, destination, party, info]);
    assert.deepEqual(licensed!.licensed, {
      licenceId: licenceRecord().id,
      number: 'EXP-1',
      authority: 'BAFA',
      regime: 'EU',
      validTo: '2026-12-31',
    });
    for (const f of rest) assert.equal(f.licensed, undefined, f.id);
  });

  test('a finding whose rule is unknown, or a suppressed one, is left alone', () => {
    const unknown = goodsFinding(0, { entry: { id: 'custom:x', name: '5A002' } });
    const suppressed = goodsFinding(0, { suppressed: { by: 'k', at: '2026-01-01T00:00:00Z', note: 'n' } });
    for (const f of mark([unknown, suppressed])) assert.equal(f.licensed, undefined);
  });

  test('lines drawing on one licence add up against its quantity limit', () => {
    const limited = licenceRecord({ quantityLimit: 100 });
    const [first, second] = mark([goodsFinding(0), goodsFinding(1)], [limited]);
    assert.equal(first!.licensed?.number, 'EXP-1');
    assert.equal(second!.licensed, undefined);
    assert.deepEqual(second!.licenceChecks, [
      {
        licenceId: limited.id,
        number: 'EXP-1',
        reason: 'licence EXP-1 is exhausted: quantity 60 exceeds the 40 of 100 left',
      },
    ]);
  });

  test('the first licence that applies is used; those that did not apply before it are not reported', () => {
    const expired = licenceRecord({ id: 'l-old', number: 'OLD-1', validTo: '2025-12-31' });
    const [f] = mark([goodsFinding(0)], [expired, licenceRecord()]);
    assert.equal(f!.licensed?.number, 'EXP-1');
  });

  test('only licences for these goods are checked; when none applies, each says why', () => {
    const other = licenceRecord({ id: 'l-other', number: 'OTHER', goods: [{ controlNumber: '3A001' }] });
    assert.deepEqual(mark([goodsFinding(0)], [other]), [goodsFinding(0)]);
    const expired = licenceRecord({ number: 'EXP-0', validTo: '2025-12-31' });
    const russia = licenceRecord({ id: 'l-ru', number: 'RU-1', destination: 'RU' });
    const [f] = mark([goodsFinding(0)], [expired, russia, other]);
    assert.equal(f!.licensed, undefined);
    assert.deepEqual(
      f!.licenceChecks?.map((c) => c.reason),
      ['licence EXP-0 expired 2025-12-31', 'licence RU-1 is for destination RU, not CN'],
    );
  });
});
