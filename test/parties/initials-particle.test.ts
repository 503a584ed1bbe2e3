import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// An initial stands for a name, never for a surname particle ("al", "el", "van"). Invented persons.
const index = buildIndex([
  mk('P1', 'AL-VORANSKI, Mazen Abdul Hakir', { kind: 'person' }),
  mk('P2', 'Dravomir AL VELTRESKI', { kind: 'person' }),
  ...filler(),
]);
const find = (name: string, id: string): Hit | undefined =>
  index.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test("an initial pairs with the given name it stands for, not with the list's particle", () => {
  // "A." is Abdul; given to "al" of AL-VORANSKI it left the query's own "al" unpaired and the name under review.
  const h = find('M. A. H. AL-VORANSKI', 'P1');
  assert.equal(h?.band, 'review', `${h?.score} ${h?.evidence.name.detail}`);
  assert.match(h.evidence.name.detail, /a~abdul/);
  assert.doesNotMatch(h.evidence.name.detail, /a~al\b/);
});

test('a particle is no name an initial can stand for', () => {
  // "D. A. VELTRESKI": "A." would have found the particle "al" and every list word accounted for.
  const h = find('D. A. VELTRESKI', 'P2');
  assert.doesNotMatch(h?.evidence.name.detail ?? '', /a~al\b/);
  assert.equal(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name.detail}`);
});
