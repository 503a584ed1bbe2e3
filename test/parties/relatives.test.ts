import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit, type PartyQuery } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, cross-list wrong alerts: a brother listed apart shares every name but his own. Invented names built
// like the UN's "TARAK BEN TAHER BEN FALEH OUNI HARZI" / "ALI BEN TAHER BEN FALEH OUNI HARZI".
const person = { kind: 'person' as const };
const index = buildIndex([
  mk('P1', 'SALIM BEN KHALED BEN MOUNIR ZAOUALI TRABELSI', person),
  mk('P2', 'HARAKAT, Yusuf Ali Mansour', person),
  ...filler(),
]);

const hitOf = (q: PartyQuery, id: string): Hit | undefined =>
  index.search(q, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('a brother (another given name, the same nasab and family name) is below review, and says why', () => {
  const h = hitOf({ name: 'KARIM BEN KHALED BEN MOUNIR ZAOUALI TRABELSI', kind: 'person' }, 'P1');
  assert.ok(h, 'still retrieved');
  assert.equal(h.band, 'below', `${h.score} ${h.evidence.name?.detail}`);
  assert.match(h.evidence.name?.detail ?? '', /another given name on each side/);
  const other = hitOf({ name: 'Omar Ali Mansour HARAKAT', kind: 'person' }, 'P2');
  assert.equal(other?.band ?? 'below', 'below', `${other?.score} ${other?.evidence.name?.detail}`);
});

test('the person himself, his given name dropped, or spelt with the same first letter, is not held as a relative', () => {
  const same = hitOf({ name: 'SALIM BEN KHALED BEN MOUNIR ZAOUALI TRABELSI', kind: 'person' }, 'P1');
  assert.equal(same?.band, 'block');
  const spelt = hitOf({ name: 'SALEEM BEN KHALED BEN MOUNIR ZAOUALI TRABELSI', kind: 'person' }, 'P1');
  assert.doesNotMatch(spelt?.evidence.name?.detail ?? '', /another given name/);
  assert.notEqual(spelt?.band ?? 'below', 'below', `${spelt?.score} ${spelt?.evidence.name?.detail}`);
  const dropped = hitOf({ name: 'Yusuf Ali Mansour HARAKAT', kind: 'person' }, 'P2');
  assert.notEqual(dropped?.band ?? 'below', 'below', `${dropped?.score} ${dropped?.evidence.name?.detail}`);
});
