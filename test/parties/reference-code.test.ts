import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';
import { assertSameReviewHits } from './recall-check.ts';

// A reference code typed into the name field beside the name (reference-code.ts). Invented names only.
const index = buildIndex([
  mk('R1', 'Dravomir Sokolan VELTRESKI', { kind: 'person' }),
  mk('R2', 'KESTRAVIN MARINE TRADING LLC'),
  mk('R3', 'QX7 HOLDINGS KORVANE'),
  mk('R4', 'ORVELLA 7606', { kind: 'vessel' }),
  mk('R5', '27TH ZELKOVAN RESEARCH CENTER'),
  mk('R6', 'KORVALIS, Tadeo', { kind: 'person' }),
  mk('R7', 'ORVANT CABLE WORKS ZELMANO'),
  ...filler(),
]);
const find = (name: string, id: string, kind?: 'person' | 'organization'): Hit | undefined =>
  index.search({ name, kind }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('a code before or after the name is set apart: the name found whole reaches review, never a block alone', () => {
  for (const [name, id, kind] of [
    ['X7B Dravomir Sokolan VELTRESKI', 'R1', undefined],
    ['877 KESTRAVIN MARINE TRADING LLC', 'R2', undefined],
    ['Dravomir Sokolan VELTRESKI 7B2', 'R1', undefined],
    ['XGB Dravomir Sokolan VELTRESKI', 'R1', 'person'],
    // Before a firm's name, three letters beside a word few listed names use (reference-code.ts distinctAfter).
    ['JSW KESTRAVIN MARINE TRADING LLC', 'R2', 'organization'],
  ] as const) {
    const h = find(name, id, kind);
    assert.equal(h?.band, 'review', `${name}: ${h?.score} ${h?.evidence.name.detail}`);
    assert.match(h.evidence.name.detail, /set apart as a reference code/);
  }
  assertSameReviewHits(index, [
    { name: 'X7B Dravomir Sokolan VELTRESKI' },
    { name: '877 KESTRAVIN MARINE TRADING LLC' },
  ]);
});

test('a listed code, an ordinal, a number after a name and a longer word stay words of the name', () => {
  // The code some list holds is a word: the listed name matches whole and blocks.
  assert.equal(find('QX7 HOLDINGS KORVANE', 'R3')?.band, 'block');
  // "27TH" reads as the listed 27.
  assert.doesNotMatch(
    find('27TH ZELKOVAN RESEARCH CENTER', 'R5')?.evidence.name.detail ?? '',
    /reference code/,
  );
  assert.equal(find('27TH ZELKOVAN RESEARCH CENTER', 'R5')?.band, 'block');
  // A number after a name tells vessels apart: "ORVELLA 7617" is not set apart to meet "ORVELLA 7606".
  const other = find('ORVELLA 7617', 'R4');
  assert.doesNotMatch(other?.evidence.name.detail ?? '', /reference code/);
  // Four letters and more are a word, whatever it is; three letters before a firm's words of trade only are
  // its acronym ("JSW Steel Limited"): "trading" and "international" are in 133 names each of the filler.
  const longer = find('ZORBAT Dravomir Sokolan VELTRESKI', 'R1', 'person');
  assert.doesNotMatch(longer?.evidence.name.detail ?? '', /reference/);
  for (const h of index.search({ name: 'JSW TRADING INTERNATIONAL', kind: 'organization' }, { minScore: 0 }))
    assert.doesNotMatch(h.evidence.name.detail, /reference/, h.matchedName);
});

test('three letters that glue onto the next word to make a listed word are its first piece, not a code', () => {
  const h = find('KOR VALIS Tadeo', 'R6');
  assert.doesNotMatch(h?.evidence.name.detail ?? '', /reference code/);
  assert.match(h?.evidence.name.detail ?? '', /glued/);
  assert.ok(h && h.score >= 0.8, `${h?.score} ${h?.evidence.name.detail}`);
});

test("three letters set apart before a firm's name are still read as its acronym in a reading of their own", () => {
  const h = find('OCW ZELMANO', 'R7', 'organization');
  assert.match(h?.evidence.name.detail ?? '', /ocw=orvant\+cable\+works/, `${h?.score}`);
  assert.notEqual(h?.band, 'below');
  assertSameReviewHits(index, [{ name: 'OCW ZELMANO' }]);
});

test('a short given name before a surname is a name, not a code, even in a one-entry watchlist', () => {
  // Alone in its index "Mohammad HASHEMI" does not hold "Ali": the name tables say it is a name.
  const alone = buildIndex([mk('W1', 'Mohammad HASHEMI', { kind: 'person' })]);
  for (const name of ['Ali Hashemi', 'Ana Hashemi']) {
    const h = alone.search({ name, kind: 'person' }, { minScore: 0, limit: 1 })[0];
    assert.doesNotMatch(h?.evidence.name.detail ?? '', /reference code/, name);
    assert.notEqual(h?.band, 'review', `${name}: ${h?.score}`);
  }
  // And a word the shared lists hold (the background) is a word of the name.
  const shared = buildIndex([mk('S1', 'Bui Van THANH', { kind: 'person' }), ...filler()]);
  const watch = buildIndex([mk('W2', 'MAI Dravomir', { kind: 'person' })], shared.rarity());
  const h = watch.search({ name: 'Bui Mai', kind: 'person' }, { minScore: 0, limit: 1 })[0];
  assert.doesNotMatch(h?.evidence.name.detail ?? '', /reference code/);
});
