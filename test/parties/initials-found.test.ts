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
  mk('I4', 'Shulan WANG', { kind: 'person' }),
  mk('I5', 'VORANSKI, Khalvor Tsemir', { kind: 'person' }),
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

test('a name of unknown kind with a dotted initial is read as a person too', () => {
  for (const name of ['D. S. VELTRESKI', 'VELTRESKI D. S.']) {
    const h = index.search({ name }, { minScore: 0, limit: 50 }).find((x) => x.entryId === 'I1');
    assert.equal(h?.band, 'review', `${name}: ${h?.score} ${h?.evidence.name.detail}`);
  }
});

test('initials beside common names only stay below review, whatever kind the query has', () => {
  for (const kind of ['person', undefined] as const) {
    const h = index
      .search({ name: 'WANG S.', kind }, { minScore: 0, limit: 50 })
      .find((x) => x.entryId === 'I4');
    assert.equal(h?.band ?? 'below', 'below', `${kind}: ${h?.score} ${h?.evidence.name.detail}`);
  }
  // The full given name is no initial: the guard does not touch it.
  assert.notEqual(find('Shulan WANG', 'I4')?.band ?? 'below', 'below');
});

test('an initial meets a name whose skeleton folds its opening letters, in Latin or Cyrillic', () => {
  // "Khalvor" is "halvor" and "Tsemir" "cemir" as skeletons; "K." and "T." are still their initials, "Х." and "Ц."
  // (romanised "kh", "ts") too.
  for (const name of ['VORANSKI K. T.', 'K. T. VORANSKI', 'ВОРАНСКИ Х. Ц.']) {
    const h = index.search({ name }, { minScore: 0, limit: 50 }).find((x) => x.entryId === 'I5');
    assert.equal(h?.band, 'review', `${name}: ${h?.score} ${h?.evidence.name.detail}`);
  }
  // "C." is no initial of "Khalvor": the fold is read off the letter written.
  assert.equal(find('VORANSKI C. T.', 'I5')?.band ?? 'below', 'below');
  assertSameReviewHits(index, [{ name: 'VORANSKI K. T.', kind: 'person' }]);
});
