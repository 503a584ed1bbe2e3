import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StringPostings } from '../../src/parties/string-postings.ts';

const valuesOf = (p: StringPostings, key: string) => {
  const out: number[] = [];
  p.forEach(key, (v) => out.push(v));
  return out;
};

test('StringPostings gives back each key’s values in the order they were added', () => {
  const p = StringPostings.freeze(
    new Map([
      ['one', [7]],
      ['zero', [0]],
      ['many', [5, 3, 9, 0]],
      ['two', [2, 1]],
      ['none', []],
    ]),
  );
  assert.deepEqual(valuesOf(p, 'one'), [7]);
  assert.deepEqual(valuesOf(p, 'zero'), [0]);
  assert.deepEqual(valuesOf(p, 'many'), [5, 3, 9, 0]);
  assert.deepEqual(valuesOf(p, 'two'), [2, 1]);
  assert.deepEqual(valuesOf(p, 'none'), []);
  assert.deepEqual(valuesOf(p, 'absent'), []);
  assert.equal(p.size, 4);
  assert.ok(p.approxBytes() > 0);
});

test('StringPostings refuses values its encoding cannot hold', () => {
  assert.throws(() => StringPostings.freeze(new Map([['k', [1, -2]]])), RangeError);
  assert.throws(() => StringPostings.freeze(new Map([['k', [1.5]]])), RangeError);
});
