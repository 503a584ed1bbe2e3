import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CanonicalText, canonicalJson, freezeDeep } from '../../src/audit/canonical-json.ts';

/** The definition, written the obvious way: the hashes in every audit chain depend on this exact text. */
function reference(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  const o = v as Record<string, unknown>;
  const parts = Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${reference(o[k])}`);
  return `{${parts.join(',')}}`;
}

test('canonical JSON equals the sorted-keys definition for any JSON value', () => {
  // Keys include integer-like ones ("10" sorts before "9" by code unit) and objects wider than the small-object path.
  const key = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.nat(40).map(String),
    fc.constantFrom('é', 'z', 'Z', '_'),
  );
  const value = fc.letrec((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('json'), { maxLength: 5 }),
      fc.dictionary(key, tie('json'), { maxKeys: 24 }),
    ),
  })).json;
  fc.assert(
    fc.property(value, (v) => {
      assert.equal(canonicalJson(v), reference(v));
      assert.deepEqual(JSON.parse(canonicalJson(v)), JSON.parse(JSON.stringify(v)));
    }),
    { numRuns: 2000 },
  );
});

test('undefined members are left out, frozen parts and canonical text are embedded as they are', () => {
  const shared = freezeDeep({ b: [1, { d: 2, c: 3 }], a: 'x' });
  assert.equal(
    canonicalJson({ z: undefined, y: shared, x: new CanonicalText('{"pre":"made"}'), w: [shared] }),
    '{"w":[{"a":"x","b":[1,{"c":3,"d":2}]}],"x":{"pre":"made"},"y":{"a":"x","b":[1,{"c":3,"d":2}]}}',
  );
});
