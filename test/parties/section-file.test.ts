import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import { decode, encode, writeSections, writeSectionsSync } from '../../src/parties/section-file.ts';

const value = () => ({
  bytes: Buffer.from('abc'),
  ends: Uint32Array.from([1, 2, 3]),
  weights: Float32Array.from([0.5, 1.25]),
  wide: Float64Array.from([Math.PI]),
  empty: new Int32Array(0),
  nested: [{ ids: Int32Array.from([-1, 7]), label: 'short' }],
  latin: `${'é'.repeat(3000)}${'x'.repeat(3000)}`,
  wideText: `${'한'.repeat(5000)}😀`,
  n: 42,
  none: null,
});

async function roundTrip(write: typeof writeSections | typeof writeSectionsSync, tag: string) {
  const encoded = encode(value());
  const path = await write(`tradescreen-test-${process.pid}-${tag}.bin`, encoded);
  const file = readFileSync(path);
  rmSync(path);
  assert.equal(file.byteLength, encoded.size);
  return { encoded, file, back: decode<ReturnType<typeof value>>(encoded.skeleton, file) };
}

test('a value handed over through a file comes back equal, its typed arrays viewing the file in place', async () => {
  for (const [write, tag] of [
    [writeSections, 'async'],
    [writeSectionsSync, 'sync'],
  ] as const) {
    const { encoded, file, back } = await roundTrip(write, tag);
    const expected = value();
    assert.deepStrictEqual(back, { ...expected, bytes: new Uint8Array(expected.bytes) });
    for (const view of [back.bytes, back.ends, back.weights, back.wide, back.nested[0]!.ids]) {
      assert.equal(view.buffer, file.buffer);
      assert.equal(view.byteOffset % 8, 0);
    }
    // Long strings travel as sections (one byte a character when they fit), short ones in the skeleton.
    const skeleton = JSON.stringify(encoded.skeleton);
    assert.match(skeleton, /"latin":\{"\$section":"latin1","at":\d+,"n":6000\}/);
    assert.match(skeleton, /"wideText":\{"\$section":"utf16le"/);
    assert.match(skeleton, /"label":"short"/);
  }
});

test('a value the skeleton cannot carry is refused, not changed', () => {
  assert.throws(() => encode({ cap: Number.POSITIVE_INFINITY }), /number Infinity/);
  assert.throws(() => encode({ when: new Date(0) }), /not a plain object/);
  assert.throws(() => encode({ big: new BigInt64Array(1) }), /not supported/);
});

test('a file whose bytes do not start on an 8-byte boundary is copied before it is viewed', () => {
  const encoded = encode({ wide: Float64Array.from([1, 2]) });
  const bytes = Buffer.alloc(encoded.size);
  for (const { at, bytes: b } of encoded.sections) bytes.set(b, at);
  const shifted = Buffer.alloc(encoded.size + 1).subarray(1);
  bytes.copy(shifted);
  const back = decode<{ wide: Float64Array }>(encoded.skeleton, shifted);
  assert.deepStrictEqual([...back.wide], [1, 2]);
});
