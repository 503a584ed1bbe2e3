import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenGoods } from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

const ROUTE = { destination: 'RU', transit: [] };
const DATE = '2024-06-01';

// Screening validates the lines once (src/screening/request-problems.ts) and hands screenGoods the result.
describe('screenGoods with the lines’ problems given by the caller', () => {
  it('uses the given problems instead of validating again: a line they name is not screened', () => {
    const lines = [{ code: '8542.31' }];
    const given = [{ index: 0, field: 'code' as const, value: '8542.31', reason: 'invented by the caller' }];
    const result = screenGoods(lines, ROUTE, DATE, shipped.rules, undefined, {}, given);
    assert.deepEqual(result.lineErrors, given);
    assert.deepEqual(
      result.findings.filter((f) => f.goodsIndex === 0),
      [],
    );
  });

  it('with none given (screening found none), the same lines are screened as when it validates', () => {
    const lines = [{ code: '8542.31' }];
    const own = screenGoods(lines, ROUTE, DATE, shipped.rules);
    const checked = screenGoods(lines, ROUTE, DATE, shipped.rules, undefined, {}, []);
    assert.ok(own.findings.some((f) => f.goodsIndex === 0 && f.severity === 'block'));
    assert.deepEqual(checked, own);
  });
});
