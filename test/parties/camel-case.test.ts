import assert from 'node:assert/strict';
import { test } from 'node:test';
import { camelApart } from '../../src/parties/camel-case.ts';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';
import { assertSameReviewHits } from './recall-check.ts';

// A name typed without spaces, its capitals kept (camel-case.ts). Invented names only.
const index = buildIndex([
  mk('C1', 'Tharo Lin Na', { kind: 'person' }),
  mk('C2', 'VELTRESKI, Dravomir Sokolanovich', { kind: 'person' }),
  mk('C3', 'VelMarko Holdings'),
  mk('C4', 'SOUTHERN KESTRAVIN STALLIONS'),
  ...filler(),
]);
const find = (name: string, id: string): Hit | undefined =>
  index.search({ name }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('a word typed without spaces is cut where its capitals begin words, short words included', () => {
  // "Na" and "Lin" are too short for the dictionary split; "VELTRESKI" before "Dravomir" is a capital run.
  for (const [name, id] of [
    ['TharoLinNa', 'C1'],
    ['VELTRESKIDravomirSokolanovich', 'C2'],
  ] as const) {
    const h = find(name, id);
    assert.equal(h?.band, 'block', `${name}: ${h?.score} ${h?.evidence.name.detail}`);
  }
  assertSameReviewHits(index, [{ name: 'TharoLinNa' }, { name: 'VELTRESKIDravomirSokolanovich' }]);
});

test('a listed word, one small letter among capitals and digits are not cut', () => {
  const linked = (w: string) => w === 'VelMarko';
  assert.equal(camelApart('VelMarko Holdings', linked), 'VelMarko Holdings');
  assert.equal(
    camelApart('SOUTrHERN KESTRAVIN', () => false),
    'SOUTrHERN KESTRAVIN',
  );
  assert.equal(
    camelApart('Plant9Volga', () => false),
    'Plant9Volga',
  );
  assert.equal(
    camelApart('MUROVEvgeny UKLimited', () => false),
    'MUROV Evgeny UK Limited',
  );
  // End to end: the listed camel word still blocks; the slip still links its word.
  assert.equal(find('VelMarko Holdings', 'C3')?.band, 'block');
  assert.notEqual(find('SOUTrHERN KESTRAVIN STALLIONS', 'C4')?.band ?? 'below', 'below');
});
