import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadRealLists } from '../../bench/support/load-real-lists.ts';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { buildIndex, type MatchIndex } from '../../src/parties/index.ts';
import { skipWithoutLists } from '../support/lists-dir.ts';
import { assertSameReviewHits, variantQueries } from './recall-check.ts';

/** Real OFAC SDN (and every other list whose parser has landed), from LISTS_DIR. */
let index: MatchIndex;
let entities: ListEntity[] = [];
const opts = { skip: skipWithoutLists };

before(async () => {
  if (skipWithoutLists) return;
  entities = (await loadRealLists(undefined, () => {})).entities;
  index = buildIndex(entities);
});

const POSITIVES: [string, string][] = [
  ['Bitteria', '44823'],
  ['ООО Биттерия', '44823'],
  ['Velesstor', '47485'],
  ['Kominvex d.o.o.', '47483'],
  ['Soha Info', '47486'],
  ['MCI Trading', '44216'],
  ['Goodforwarding', '47201'],
];

test('real OFAC SDN: known variants reach review or block', opts, () => {
  assert.ok(
    entities.some((e) => e.source === 'us-ofac-sdn'),
    'us-ofac-sdn parser must be present',
  );
  for (const [name, id] of POSITIVES) {
    const hit = index
      .search({ name }, { limit: 50 })
      .find((h) => h.source === 'us-ofac-sdn' && h.entryId === id);
    assert.ok(hit, `${name} should reach review on SDN ${id}`);
    assert.notEqual(hit.band, 'below');
  }
});

test('real lists: well-known innocent names produce no hit at review or above', opts, () => {
  for (const name of ['Intel Corporation', 'Siemens AG', 'Marko Petrović', 'Trading LLC']) {
    const hits = index.search({ name });
    assert.deepEqual(
      hits.map((h) => `${h.source}/${h.entryId} ${h.matchedName} ${h.score}`),
      [],
      `${name} must not reach review`,
    );
  }
});

test('real lists: retrieval loses no full-scan hit at review or above', opts, () => {
  assertSameReviewHits(index, variantQueries(entities, 60, 42));
  // Plus a few plain and innocent names, where common words make the index work hardest.
  assertSameReviewHits(index, [
    { name: 'Trading LLC' },
    { name: 'International Trading Group' },
    { name: 'Mohammed Ali' },
    { name: 'Bank of Moscow' },
    { name: 'Kominvex d.o.o.' },
    { name: 'Soha Info' },
  ]);
});
