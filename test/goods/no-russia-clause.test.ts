import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenGoods, type TransactionContext } from '../../src/goods/index.ts';
import { NO_RUSSIA_CLAUSE } from '../../src/goods/no-russia-clause.ts';
import { shipped } from './shipped-rules.ts';

const { rules } = shipped;
const chipToKz = (date: string, facts: TransactionContext) =>
  screenGoods(
    [{ code: '8542.31', originCountry: 'DE' }],
    { destination: 'KZ', transit: [] },
    date,
    rules,
    undefined,
    facts,
  ).findings.find((f) => f.kind === 'goods_control')?.reason ?? '';
const asks = /no re-export to Russia" clause under Reg\. \(EU\) 833\/2014 Art\. 12g/;

describe('Art. 12g, the no-re-export-to-Russia clause', () => {
  it('covers Annexes XI, XX, XXXV, XL and Reg. 258/2012 Annex I, from 2024-03-20 (data)', () => {
    assert.equal(NO_RUSSIA_CLAUSE.inForce, '2024-03-20');
    assert.deepEqual(NO_RUSSIA_CLAUSE.lists, [
      'chpl',
      'eu-833-annex-xi',
      'eu-833-annex-xx',
      'eu-833-annex-xxxv',
      'eu-258-2012-annex-i',
    ]);
  });

  it('is not asked for before 2024-03-20, and is from that day', () => {
    const before = chipToKz('2024-03-19', { exporterCountry: 'DE' });
    assert.doesNotMatch(before, asks);
    assert.match(before, /mandatory only from 2024-03-20/);
    assert.match(chipToKz('2024-03-20', { exporterCountry: 'DE' }), asks);
  });

  it('exempts contracts concluded before 2023-12-19 until 2024-12-20', () => {
    const old = { exporterCountry: 'DE', contractDate: '2023-12-18' };
    assert.match(chipToKz('2024-06-01', old), /concluded on 2023-12-18.*only after 2024-12-20/);
    assert.match(chipToKz('2024-12-21', old), asks);
    assert.match(chipToKz('2024-06-01', { exporterCountry: 'DE', contractDate: '2023-12-19' }), asks);
  });

  it('assumes no exemption when the contract date is unknown (fail safe)', () => {
    assert.match(chipToKz('2024-06-01', { exporterCountry: 'DE' }), asks);
  });

  it('binds EU operators only: not asked of a US exporter', () => {
    const us = chipToKz('2025-01-10', { exporterCountry: 'US' });
    assert.doesNotMatch(us, asks);
    assert.match(us, /binds EU operators only/);
  });

  it('names why it applies', () => {
    assert.match(chipToKz('2025-01-10', { exporterCountry: 'FR' }), /EU rule: exporter established in FR/);
  });
});
