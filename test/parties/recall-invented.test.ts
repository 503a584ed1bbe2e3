import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex } from '../../src/parties/index.ts';
import { ENTRIES, filler } from './fixtures.ts';
import { assertSameReviewHits, variantQueries } from './recall-check.ts';

test('candidate retrieval finds every full-scan hit at review or above (invented entities)', () => {
  const entities = [...ENTRIES, ...filler()];
  const index = buildIndex(entities);
  assertSameReviewHits(index, variantQueries(entities, 300, 7));
  assert.ok(true);
});
