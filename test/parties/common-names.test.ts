import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCommonPersonName } from '../../src/parties/common-names.ts';
import { buildIndex, type PartyQuery } from '../../src/parties/index.ts';
import { tokenizeName } from '../../src/parties/tokenize.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19: a common given + family name inside a longer listed name is another person as often as not.
const person = { kind: 'person' as const };
const index = buildIndex([
  mk('P1', 'SMIRNOV, Maxim Yuryevich', { ...person, birthDates: ['1974-03-02'], countries: ['RU'] }),
  mk('P2', 'Ahmed Abdullah S AL-ZAHRANI', { ...person, countries: ['SA'] }),
  mk('P3', 'Ibrahim Saeed Salim JADHRAN', { ...person, countries: ['LY'] }),
  mk('P4', 'Natalia SMIRNOVA', person),
  ...filler(),
]);

const hitOn = (q: PartyQuery, id: string) =>
  index.search(q, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

const common = (name: string) => {
  const t = tokenizeName(name, true);
  return isCommonPersonName(t.skels, t.flags);
};

test('the prior knows common given and family names in any order, and nothing else', () => {
  assert.equal(common('Maxim Smirnov'), true);
  assert.equal(common('SMIRNOV Maxim'), true);
  assert.equal(common('Olga Sokolova'), true, 'the feminine form of a common surname');
  assert.equal(common('John Smith'), true);
  assert.equal(common('Khaled Al-Otaibi'), true, 'a surname particle is not a word of its own');
  assert.equal(common('Maxim Yuryevich Smirnov'), false, 'a patronymic makes the name specific');
  assert.equal(common('Ibrahim Jadhran'), false, 'a rare surname');
  assert.equal(common('Maxim'), false);
});

test('"Maxim Smirnov" alone stays below review against "SMIRNOV, Maxim Yuryevich", and says why', () => {
  const h = hitOn({ name: 'Maxim Smirnov', kind: 'person' }, 'P1');
  assert.ok(h, 'still found and explained');
  assert.equal(h.band, 'below', `${h.score}`);
  assert.match(h.evidence.name.detail, /common given and family name inside a longer listed name/);
  assert.equal(hitOn({ name: 'Ahmed Al-Zahrani', kind: 'person' }, 'P2')?.band, 'below');
});

test('an agreeing birth date or country brings the common name back to review', () => {
  assert.equal(
    hitOn({ name: 'Maxim Smirnov', kind: 'person', birthDate: '1974-03-02' }, 'P1')?.band,
    'review',
  );
  assert.equal(hitOn({ name: 'Maxim Smirnov', kind: 'person', country: 'RU' }, 'P1')?.band, 'review');
});

test('a rare name inside a longer listed name, or the whole listed name, is not held down', () => {
  const rare = hitOn({ name: 'Ibrahim Jadhran', kind: 'person' }, 'P3');
  assert.ok(rare && rare.score >= 0.75, `${rare?.score}`);
  assert.doesNotMatch(rare.evidence.name.detail, /common given and family name/);
  assert.notEqual(hitOn({ name: 'Natalia Smirnova', kind: 'person' }, 'P4')?.band, 'below');
  assert.notEqual(hitOn({ name: 'Maxim Yuryevich Smirnov', kind: 'person' }, 'P1')?.band, 'below');
});

test('two different common names weakly alike are two names, not one misspelt', () => {
  const idx = buildIndex([
    mk('M1', 'TAYLOR, Mark', person),
    mk('M2', 'Mohammad AL OTAIBI', person),
    ...filler(),
  ]);
  const on = (name: string, id: string) =>
    idx.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);
  assert.notEqual(on('Mary Taylor', 'M1')?.band ?? 'below', 'review');
  assert.equal(on('Mark Taylor', 'M1')?.band, 'block');
  assert.notEqual(
    on('Mohammed Al-Otaibi', 'M2')?.band ?? 'below',
    'below',
    'a spelling variant of the same name',
  );
});

test('a common name as typed, a consonant changed, is another name; its vowels may vary', () => {
  const idx = buildIndex([
    mk('Z1', 'ZAFRANI, Ali', person),
    mk('Z2', 'Ali AL-ZAHRANY', person),
    mk('Z3', 'BOB WILSON', person),
    ...filler(),
  ]);
  const on = (name: string, id: string) =>
    idx.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);
  // Zahrani and Zafrani are two families: the common name typed is not the listed one misspelt.
  const other = on('Ali Al-Zahrani', 'Z1');
  assert.doesNotMatch(other?.evidence.name?.detail ?? '', /zahrani~zafrani/);
  assert.equal(other?.band ?? 'below', 'below', `${other?.score}`);
  assert.equal(on('Ali Al-Zahrani', 'Z2')?.band, 'block', 'Zahrani/Zahrany: only a vowel differs');
  assert.match(
    on('Robert Wilson', 'Z3')?.evidence.name?.detail ?? '',
    /robert~bob/,
    'a short form is the same name',
  );
});
