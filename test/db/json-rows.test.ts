import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonRows } from '../../src/db/fragments.ts';

test('jsonRows is the JSON array of the rows, whatever their number, and leaves the rows as they were', () => {
  const rows = [`{"a":${JSON.stringify('x'.repeat(50))}}`, '{"b":[1,2]}', '{"c":"]["}'];
  for (let n = 0; n <= rows.length; n++) {
    const some = rows.slice(0, n);
    const text = jsonRows(some);
    assert.equal(text, `[${some.join(',')}]`);
    assert.deepEqual(
      JSON.parse(text),
      some.map((r) => JSON.parse(r)),
    );
  }
  assert.deepEqual(rows.slice(0, 1), [`{"a":${JSON.stringify('x'.repeat(50))}}`], 'input untouched');
});
