import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildIndex } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// A body of names where "FSUE" (federal state unitary enterprise, in English) is as common as it is on the
// real lists, and a one-entry watchlist that does not hold it.
const shared = buildIndex([
  ...filler(),
  ...Array.from({ length: 60 }, (_, i) =>
    mk(`S${i}`, `FSUE ${['Kometa', 'Zvezda', 'Almaz', 'Granit'][i % 4]} ${i}`),
  ),
]);
const watchlist = (background = true) =>
  buildIndex([mk('W1', 'ATOMFLOT', { kind: 'organization' })], background ? shared.rarity() : undefined);
const top = (index: ReturnType<typeof watchlist>, name: string) =>
  index.search({ name, kind: 'organization' }, { minScore: 0, limit: 1 })[0];

describe('a small index weighs its words by a background’s rarity', () => {
  test('alone, an extra word the entry lacks weighs as much as the name: "FSUE Atomflot" misses "ATOMFLOT"', () => {
    assert.ok(top(watchlist(false), 'FSUE Atomflot')!.score < 0.8);
  });

  test('with the shared lists as background the common word weighs little and the entry is found', () => {
    const hit = top(watchlist(), 'FSUE Atomflot');
    assert.ok(hit && hit.score >= 0.8, JSON.stringify(hit?.evidence.name));
  });

  test('a name sharing only the common word stays quiet', () => {
    const alone = buildIndex([mk('W2', 'FSUE Atomflot', { kind: 'organization' })], shared.rarity());
    const hit = top(alone, 'FSUE Rosmorport');
    assert.ok(!hit || hit.score < 0.8, JSON.stringify(hit?.evidence.name));
  });

  test('the background changes weights only: an empty one leaves every score as it was', () => {
    const none = buildIndex([mk('W3', 'ATOMFLOT', { kind: 'organization' })], buildIndex([]).rarity());
    assert.equal(top(none, 'FSUE Atomflot')!.score, top(watchlist(false), 'FSUE Atomflot')!.score);
  });
});
