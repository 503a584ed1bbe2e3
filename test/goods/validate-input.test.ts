import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTariffCode, screenGoods, validateGoodsLines } from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

describe('line validation', () => {
  it('accepts codes of 4, 6, 8 and 10 digits with dots and spaces', () => {
    for (const code of ['8542', '8542.31', '8542 31 90', '8542.31.90.00']) {
      assert.deepEqual(validateGoodsLines([{ code }]), [], code);
    }
    assert.deepEqual(readTariffCode('8542 31 90'), { ok: true, digits: '85423190' });
  });

  it('names the line and the reason for letters, 3 digits, 14 digits and odd lengths', () => {
    const lines = [
      { code: '8542.31' },
      { code: '85A231' },
      { code: '854' },
      { code: '85423190001234' },
      { code: '85423' },
    ];
    const problems = validateGoodsLines(lines);
    assert.deepEqual(
      problems.map((p) => [p.index, p.field]),
      [
        [1, 'code'],
        [2, 'code'],
        [3, 'code'],
        [4, 'code'],
      ],
    );
    assert.match(problems[0]!.reason, /only digits/);
    assert.match(problems[1]!.reason, /3 digits/);
    assert.match(problems[2]!.reason, /14 digits/);
  });

  it('rejects a code longer than its system allows (HS has 6 digits)', () => {
    const problems = validateGoodsLines([{ code: '85423190', codeSystem: 'HS' }]);
    assert.deepEqual(
      problems.map((p) => p.index),
      [0],
    );
    assert.match(problems[0]!.reason, /HS codes have at most 6/);
  });

  it('rejects malformed control numbers and accepts EU numbers, ECCNs and EAR99', () => {
    const good = ['3A001', '5A002.a.1', '3A991', '5A992.c', 'EAR99', 'ear99'];
    for (const controlNumber of good)
      assert.deepEqual(validateGoodsLines([{ controlNumber }]), [], controlNumber);
    const bad = ['3A01', 'A3001', '3F001', '3A001.', '3A001..a', 'EAR-99', ''];
    const problems = validateGoodsLines(bad.map((controlNumber) => ({ controlNumber })));
    assert.deepEqual(
      problems.map((p) => p.index),
      [0, 1, 2, 3, 4, 5, 6],
    );
    assert.ok(problems.every((p) => p.field === 'controlNumber'));
  });

  it('never screens an invalid line silently: screenGoods returns its error and no finding for it', () => {
    const lines = [{ code: '8542.3X' }, { code: '854231' }];
    const result = screenGoods(lines, { destination: 'RU', transit: [] }, '2024-06-01', shipped.rules);
    assert.deepEqual(
      result.lineErrors.map((p) => p.index),
      [0],
    );
    assert.ok(result.findings.every((f) => f.goodsIndex !== 0));
    assert.ok(result.findings.some((f) => f.goodsIndex === 1 && f.severity === 'block'));
  });

  it('reports a malformed date', () => {
    const result = screenGoods([], { destination: 'RU', transit: [] }, '2024-02-30', shipped.rules);
    assert.deepEqual(
      result.lineErrors.map((p) => p.field),
      ['date'],
    );
  });
});
