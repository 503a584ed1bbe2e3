import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit, type PartyQuery } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19: one list writes a nasab chain with its markers ("TARAK BEN TAHER BEN FALEH …"), another without them
// ("HARZI, Tariq Tahir Falih"). Invented names built that way.
const person = { kind: 'person' as const };
const index = buildIndex([
  mk('WITH', 'NABIL BEN SADOK BEN HEDI ZARROUKI', person),
  mk('WITHOUT', 'GHARSALLI, Mourad Lotfi Habib', person),
  ...filler(),
]);

const hitOf = (q: PartyQuery, id: string): Hit | undefined =>
  index.search(q, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('markers one side writes and the other does not are not counted as names, and hold the hit at review', () => {
  const listed = hitOf({ name: 'ZARROUKI, Nabil Sadok Hedi', kind: 'person' }, 'WITH');
  assert.ok((listed?.score ?? 0) >= 0.9, `${listed?.score} ${listed?.evidence.name?.detail}`);
  assert.equal(listed?.band, 'review', 'the chain order cannot be checked without the markers');
  assert.match(listed?.evidence.name?.detail ?? '', /written on one side only/);
  const typed = hitOf({ name: 'Mourad Ben Lotfi Ben Habib Gharsalli', kind: 'person' }, 'WITHOUT');
  assert.ok((typed?.score ?? 0) >= 0.9, `${typed?.score} ${typed?.evidence.name?.detail}`);
  assert.equal(typed?.band, 'review');
});

test('when both sides write markers, a missing one still counts (the chains differ)', () => {
  const full = hitOf({ name: 'NABIL BEN SADOK BEN HEDI ZARROUKI', kind: 'person' }, 'WITH');
  const shorter = hitOf({ name: 'NABIL BEN SADOK ZARROUKI', kind: 'person' }, 'WITH');
  assert.ok(full && shorter);
  assert.ok(shorter.score < full.score, `${shorter.score} vs ${full.score}`);
});
