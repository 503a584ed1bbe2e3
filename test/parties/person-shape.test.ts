import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex } from '../../src/parties/index.ts';
import { personShaped } from '../../src/parties/person-shape.ts';
import { filler, mk } from './fixtures.ts';

// A name of unknown kind shaped as a person's is read as one too (person-shape.ts). Invented names only.
const index = buildIndex([
  mk('P1', 'BADRANOV, Tavik Meroslav Kelun', { kind: 'person' }),
  mk('P2', 'TAVIK BADRANOV TRADING LLC'),
  mk('P3', 'PLATAN ENERGO'),
  ...filler(),
]);
const find = (name: string, id: string) =>
  index.search({ name }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('a given and family name of no known kind is read as a person: found inside the listed full name', () => {
  assert.equal(personShaped('Tavik BADRANOV'), true);
  const h = find('Tavik BADRANOV', 'P1');
  assert.equal(h?.band, 'review', `${h?.score} ${h?.evidence.name.detail}`);
  assert.match(h.evidence.name.detail, /given and family name both found/);
});

test('a name with a legal form, a word of kind, a number or a nasab chain, or of one word, is not shaped as a person', () => {
  for (const name of [
    'Tavik Badranov LLC',
    'Kestravin Bank',
    'Orvella 7606',
    'Badranov',
    'Tavik Meroslav Kelun Orvel Dastan Badranov',
    'Badranov Tavik Ben Kelun',
  ])
    assert.equal(personShaped(name), false, name);
});

test("a person's reading of a name only shaped as one is scored on listed persons only", () => {
  // Read as a person against a listed firm, "Platal Energy" would escape the firm's rule that every word only a
  // slip away is another name (name-score.ts typosOnly) and reach review.
  assert.equal(personShaped('Platal Energy'), true);
  const h = find('Platal Energy', 'P3');
  assert.notEqual(h?.band, 'review', `${h?.score} ${h?.evidence.name.detail}`);
  assert.match(h?.evidence.name.detail ?? '', /only a slip/);
});
