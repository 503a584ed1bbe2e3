import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// A name typed without spaces, split on its written letters (written-break.ts). Invented names only.
const index = buildIndex([
  mk('W1', 'KESTRAVIN CEMENT OOO'),
  mk('W2', 'KARAS TOMEN VELDRIK'),
  mk('W3', 'KARAS HOLDINGS'),
  mk('W4', 'KARAST LOGISTICS'),
  mk('W5', 'OMEN BRAVOLIN'),
  mk('W6', 'SHOCK SPORTS CLUB DRAVELLO'),
  mk('W7', 'MINISTRY OF VELDRANA TRANSPORT'),
  mk('W8', 'VELMORA STOCK COMPANY KESTAVIN'),
  mk('W9', 'Aleksandrin Vyacheslavovich ZAKHAR', { kind: 'person' }),
  ...filler(),
]);
const find = (name: string, id: string): Hit | undefined =>
  index.search({ name }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('a glued name whose skeleton folds across the joints is split on its letters as typed', () => {
  // "kestravin"+"cement"+"ooo" folds to "kestravincemento": no reading of the skeleton into listed words.
  const cement = find('KESTRAVINCEMENTOOO', 'W1');
  assert.notEqual(cement?.band ?? 'below', 'below', `${cement?.score} ${cement?.evidence.name.detail}`);
  // "shock"+"sports"+"club" folds to "shoksporklub".
  const sports = find('SHOCKSPORTSCLUBDRAVELLO', 'W6');
  assert.equal(sports?.band, 'block', `${sports?.score} ${sports?.evidence.name.detail}`);
});

test('a glued name of words no list holds stays quiet', () => {
  for (const name of ['TREVASKONIMALDERGOOO', 'BRIMLOCKSPORTANEVIC']) {
    const hits = index.search({ name }).filter((h) => h.band !== 'below');
    assert.deepEqual(
      hits.map((h) => h.entryId),
      [],
      name,
    );
  }
});

test('a glued name that splits into listed words two ways is held at review on the name alone', () => {
  // "karastomenveldrik": "karas tomen veldrik" and "karast omen veldrik" are both three listed words.
  const h = find('KARASTOMENVELDRIK', 'W2');
  assert.equal(h?.band, 'review', `${h?.score} ${h?.evidence.name.detail}`);
  assert.match(h?.evidence.name.detail ?? '', /more than one way/);
  // One reading only: no such hold.
  assert.doesNotMatch(find('KESTRAVINCEMENTOOO', 'W1')?.evidence.name.detail ?? '', /more than one way/);
});

test('a two-letter joining word and a joint the fold swallows do not break the reading', () => {
  // "of" is a word of the name ("ministry|of|veldrana"), not a reason to read "ministry" as "mini str yof".
  const ministry = find('MINISTRYOFVELDRANATRANSPORT', 'W7');
  assert.equal(ministry?.band, 'block', `${ministry?.score} ${ministry?.evidence.name.detail}`);
  // "stoc|kcompany" folds as "stock|company" does: one reading, no hold for ambiguity.
  const stock = find('VELMORASTOCKCOMPANYKESTAVIN', 'W8');
  assert.notEqual(stock?.band ?? 'below', 'below', `${stock?.score} ${stock?.evidence.name.detail}`);
  assert.doesNotMatch(stock?.evidence.name.detail ?? '', /more than one way/);
});

test('a glued name of exactly the longest token length is read whole, its last name not left as a cut tail', () => {
  // 11 + 15 + 6 = 32 letters (MAX_TOKEN_CHARS): the cut-tail reading "aleksandrin|vyacheslavovich" is one piece
  // fewer, but leaves the family name unread; the whole reading covers the name.
  const h = index
    .search({ name: 'aleksandrinvyacheslavovichzakhar', kind: 'person' }, { minScore: 0, limit: 50 })
    .find((x) => x.entryId === 'W9');
  assert.equal(h?.band, 'block', `${h?.score} ${h?.evidence.name.detail}`);
});
