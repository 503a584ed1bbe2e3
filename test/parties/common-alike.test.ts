import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Common names (common-names.csv) that are only alike, in either reading of a name of unknown kind.
const index = buildIndex([
  mk('C1', 'David WONG', { kind: 'person' }),
  mk('C2', 'David Ray KELLEY', { kind: 'person' }),
  mk('C3', 'Dravomir Sokolan KELLY', { kind: 'person' }),
  ...filler(),
]);
const find = (name: string, id: string, kind?: 'person'): Hit | undefined =>
  index.search({ name, kind }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);
const band = (h: Hit | undefined) => h?.band ?? 'below';

test('two common surnames a vowel apart are two names, in the reading as a firm too', () => {
  for (const kind of [undefined, 'person'] as const) {
    const h = find('David Wang', 'C1', kind);
    assert.equal(band(h), 'below', `${kind}: ${h?.score} ${h?.evidence.name.detail}`);
  }
  assert.equal(band(find('David Wong', 'C1')), 'block');
});

test('Kelly is a common surname (US census 2010, ranks 51-100): a common name inside a longer one stays below', () => {
  const h = find('David Kelly', 'C2');
  assert.equal(band(h), 'below', `${h?.score} ${h?.evidence.name.detail}`);
  assert.match(h?.evidence.name.detail ?? '', /common given and family name/);
  // A rare given name with it is still found.
  assert.notEqual(band(find('Dravomir KELLY', 'C3', 'person')), 'below');
});
