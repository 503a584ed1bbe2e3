import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skeleton } from '../../src/parties/skeleton.ts';
import { tokenizeName } from '../../src/parties/tokenize.ts';
import { toAscii } from '../../src/parties/translit.ts';

const key = (s: string) => tokenizeName(s).skels.join(' ');

test('skeletons fold doubled letters in long tokens too', () => {
  assert.equal(skeleton('radioelektronnnyye'), 'radiolektronie');
  assert.equal(skeleton('gosudarstvennoye'), 'gosudarstvenoie');
  assert.equal(skeleton('aaaabbbbddddffff'), 'abdf');
});

test('Cyrillic romanisations collapse to one skeleton (BGN/PCGN, ISO 9, passport)', () => {
  assert.equal(key('Биттерия'), key('Bitteriya'));
  assert.equal(key('Bitteria'), key('Bitterija'));
  assert.equal(key('Щукин'), key('Shchukin'));
  assert.equal(key('Schukin'), key('Shchukin'));
  assert.equal(key('Khristoforov'), key('Hristoforov'));
  assert.equal(key('Tsoi'), key('Tsoy'));
  assert.equal(key('Tsentr'), key('Centr'));
  assert.equal(key('Kompaniya'), key('Compania'));
  assert.equal(key('Yevgeniy'), key('Evgeniy'));
  assert.equal(key('Dmitriy'), key('Dmitry'));
  assert.equal(key('Юрий'), key('Yuriy'));
  assert.equal(key('Zhukov'), key('Жуков'));
  assert.equal(key('Йошкар'), key('Joshkar'));
});

test('Ukrainian, Belarusian and Serbian letters', () => {
  assert.equal(toAscii('Їжак'), 'yizhak');
  assert.equal(toAscii('Євген'), 'yevgen');
  assert.equal(key('Ђоковић'), key('Đoković'));
  assert.equal(key('Petrović'), key('Petrovic'));
  assert.equal(key('Ўладзімір'), key('Uladzimir'));
});

test('Greek diphthongs and accents', () => {
  assert.equal(toAscii('Ουρανός'), 'ouranos');
  assert.equal(key('Ωμέγα'), key('Omega'));
});

test('Arabic and CJK do not crash and stay stable', () => {
  assert.ok(key('شركة النور').length > 0);
  assert.ok(key('北京华信科技').length > 0);
  assert.equal(key('北京华信科技'), key('北京华信科技'));
});

test('legal forms are weak tokens in many spellings', () => {
  for (const s of [
    'Kominvex d.o.o.',
    'KOMINVEX DOO',
    'OOO Kominvex',
    'ООО Коминвекс',
    'Kominvex LLC',
    'Limited Liability Company Kominvex',
    'Obshchestvo s Ogranichennoy Otvetstvennostyu Kominvex',
    'Общество с ограниченной ответственностью Коминвекс',
    'Kominvex Sp. z o.o.',
    'Kominvex GmbH',
    'Kominvex S.A.',
    'PJSC Kominvex',
    'Kominvex FZCO',
  ]) {
    assert.deepEqual(tokenizeName(s).skels, [skeleton('kominveks')], s);
  }
});

test('tokens after a trailing legal form are marked as a seat, not the name', () => {
  const t = tokenizeName('MCI TRADING DOO BEOGRAD PALILULA');
  assert.deepEqual(t.flags, [0, 0, 1, 1]);
});

test('person initials are not taken for legal forms', () => {
  assert.deepEqual(tokenizeName('A. S. Ivanov', true).skels, ['a', 's', 'ivanov']);
});
