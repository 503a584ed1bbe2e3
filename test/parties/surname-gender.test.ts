import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { skeleton } from '../../src/parties/skeleton.ts';
import { genderForms } from '../../src/parties/surname-gender.ts';
import { filler, mk } from './fixtures.ts';

// A family name's masculine and feminine forms are two people (surname-gender.ts). Invented names only.
const index = buildIndex([
  mk('G1', 'Dravomir Anatolevich ZELKOVANOV', { kind: 'person' }),
  mk('G2', 'Vestrana ORLESKAYA', { kind: 'person' }),
  mk('G3', 'ZELKOVANOV TRADING', { kind: 'organization' }),
  ...filler(),
]);
const find = (name: string, id: string, kind?: 'person'): Hit | undefined =>
  index.search({ name, kind }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('the forms of one family name, each sex, are read from the table', () => {
  const forms = (a: string, b: string) => genderForms(skeleton(a), skeleton(b));
  assert.ok(forms('kuznetsova', 'kuznetsov'));
  assert.ok(forms('dobrovolskiy', 'dobrovolskaya'));
  assert.ok(forms('kowalska', 'kowalski'));
  assert.ok(forms('tolstaya', 'tolstoy'));
  // A typo is no other form; a stem of two letters is too short to tell.
  assert.ok(!forms('kuznetsove', 'kuznetsova'));
  assert.ok(!forms('ova', 'ov'));
  assert.ok(!forms('hassan', 'hassana'));
});

test("a woman's form of a listed man's family name is another person: below review", () => {
  for (const kind of [undefined, 'person'] as const) {
    const h = find('ZELKOVANOVA, Dravomira', 'G1', kind);
    assert.ok((h?.score ?? 0) < 0.8, `${kind}: ${h?.score} ${h?.evidence.name.detail}`);
  }
  // And the other way: a man's form of a listed woman's.
  const m = find('Vestran ORLESKIY', 'G2', 'person');
  assert.ok((m?.score ?? 0) < 0.8, `${m?.score} ${m?.evidence.name.detail}`);
});

test('the same form, or one letter slipped inside it, still meets the listed name', () => {
  assert.notEqual(find('Dravomir ZELKOVANOV', 'G1', 'person')?.band ?? 'below', 'below');
  const slip = find('Dravomir Anatolevich ZELKOVENOV', 'G1', 'person');
  assert.notEqual(slip?.band ?? 'below', 'below', `${slip?.score} ${slip?.evidence.name.detail}`);
  // A firm named after the family is not a person's name: its edit link stands as before.
  const firm = find('ZELKOVANOVA TRADING', 'G3');
  assert.notEqual(firm?.band ?? 'below', 'below', `${firm?.score} ${firm?.evidence.name.detail}`);
});

test('the explanation names the rule', () => {
  const h = find('ZELKOVANOVA, Dravomira', 'G1', 'person');
  assert.match(h?.evidence.name.detail ?? '', /other sex's form/);
});
