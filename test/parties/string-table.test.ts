import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StringTable } from '../../src/parties/string-table.ts';

// Keys that share prefixes and text across their boundaries ("ab" + "c" reads "abc"), and non-ASCII ones.
const KEYS = ['ab', 'c', 'abc', 'b', 'bc', 'müller', 'ким', '金铁三', 'a'.repeat(300)];

test('each key is found under its number; a prefix, an extension or a join of keys is not', () => {
  const table = StringTable.of(KEYS);
  assert.equal(table.size, KEYS.length);
  KEYS.forEach((k, i) => {
    assert.equal(table.get(k), i, k);
    assert.equal(table.key(i), k);
  });
  for (const missing of ['a', 'abcb', 'cab', 'muller', 'ки', '', 'a'.repeat(299), 'a'.repeat(301)])
    assert.equal(table.get(missing), undefined, missing);
  assert.equal(table.chars, KEYS.join('').length);
});

test('a key is found by its place in another text, without the string being made', () => {
  const table = StringTable.of(KEYS);
  const text = `xx${KEYS.join('|')}yy`;
  let at = 2;
  for (const [i, k] of KEYS.entries()) {
    assert.equal(table.find(text, at, at + k.length), i, k);
    at += k.length + 1;
  }
  // "xab" and "ab|" hold a key but are not one; the empty range is no key.
  assert.equal(table.find(text, 1, 4), undefined);
  assert.equal(table.find(text, 2, 5), undefined);
  assert.equal(table.find(text, 2, 2), undefined);
});

test('a table sent to another thread works there as it is, its arrays transferred', () => {
  const parts = StringTable.of(KEYS).parts();
  const sent = structuredClone(parts, { transfer: [parts.starts.buffer, parts.slots.buffer] });
  assert.equal(parts.slots.byteLength, 0, 'transferred, not copied');
  const table = StringTable.fromParts(sent);
  for (const [i, k] of KEYS.entries()) assert.equal(table.get(k), i);
  assert.equal(table.get('abcd'), undefined);
});

test('the empty table finds nothing', () => {
  const table = StringTable.of([]);
  assert.equal(table.size, 0);
  assert.equal(table.get(''), undefined);
  assert.equal(table.get('x'), undefined);
});

test('thousands of keys, most hashing near each other, are each found', () => {
  const keys = Array.from({ length: 5000 }, (_, i) => `k${i}`);
  const table = StringTable.of(keys);
  for (const [i, k] of keys.entries()) assert.equal(table.get(k), i);
  assert.equal(table.get('k5000'), undefined);
});
