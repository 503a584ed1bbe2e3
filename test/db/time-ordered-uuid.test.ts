import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeOrderedUuid } from '../../src/db/time-ordered-uuid.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('time-ordered ids are RFC 9562 version 7, carry their millisecond and sort by it', () => {
  const at = Date.UTC(2026, 10, 25, 8, 15, 0, 123);
  const id = timeOrderedUuid(at);
  assert.match(id, UUID_V7);
  assert.equal(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16), at);
  const ids = [at + 1000, at, at + 1, at + 86_400_000].map((t) => timeOrderedUuid(t));
  assert.deepEqual([...ids].sort(), [ids[1], ids[2], ids[0], ids[3]]);
});

test('ids made in the same millisecond still differ', () => {
  const at = Date.now();
  const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedUuid(at)));
  assert.equal(ids.size, 10_000);
  for (const id of ids) assert.match(id, UUID_V7);
});
