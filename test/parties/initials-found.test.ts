import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';
import { assertSameReviewHits } from './recall-check.ts';

// Given names written as initials. Invented persons; "Wang" and "Li" are common names (common-names.csv).
const index = buildIndex([
  mk('I1', 'Dravomir Sokolan VELTRESKI', { kind: 'person' }),
  mk('I2', 'WANG, Shulan Meiling', { kind: 'person' }),
  mk('I3', 'Dravomir VELTRESKI KOSTADIN', { kind: 'person' }),
  ...filler(),
]);
const find = (name: string, id: string): Hit | undefined =>
  index.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('given names as initials with the family name found: review, never a block on the name alone', () => {
  for (const name of ['D. S. VELTRESKI', 'VELTRESKI D.S.', 'D.S. Veltreski']) {
    const h = find(name, 'I1');
    assert.equal(h?.band, 'review', `${name}: ${h?.score} ${h?.evidence.name.detail}`);
    assert.match(h.evidence.name.detail, /given names as initials/);
  }
});

test('initials stay under review with a common family name, a name left over, or another initial', () => {
  assert.equal(find('S. M. WANG', 'I2')?.band ?? 'below', 'below', 'a common family name says nothing');
  assert.equal(find('D. VELTRESKI', 'I1')?.band ?? 'below', 'below', 'the second given name left over');
  assert.equal(find('K. S. VELTRESKI', 'I1')?.band ?? 'below', 'below', 'the first initial is another name');
  assertSameReviewHits(index, [{ name: 'D. S. VELTRESKI', kind: 'person' }]);
});
