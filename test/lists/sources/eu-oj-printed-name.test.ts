import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPrintedName } from '../../../src/lists/sources/eu-oj/printed-name.ts';

// Cells as the Official Journal prints them (shapes seen in Reg. 36/2012, 269/2014, 1509/2017 and 765/2006).
test('a bracketed a.k.a. of one word stands for the word before it', () => {
  assert.deepEqual(splitPrintedName('Munzir (a.k.a. Mundhir, Monzer) Jamil AL-ASSAD', 'person'), {
    primary: 'Munzir Jamil AL-ASSAD',
    aliases: ['Mundhir Jamil AL-ASSAD', 'Monzer Jamil AL-ASSAD'],
  });
  assert.deepEqual(
    splitPrintedName('Elena Petrovna TIMCHENKO (born ERMAKOVA (YERMAKOVA))', 'person').aliases,
    ['Elena Petrovna ERMAKOVA', 'Elena Petrovna YERMAKOVA'],
  );
});

test('whole other names, in brackets, after a dash or in another script, are aliases of their own', () => {
  assert.deepEqual(
    splitPrintedName('Abu Hani SHAMMOUT (Abu Hani SHAMOUT, Hani SHAMMOUT) – أبو هاني شموط', 'person'),
    {
      primary: 'Abu Hani SHAMMOUT',
      aliases: ['أبو هاني شموط', 'Abu Hani SHAMOUT', 'Hani SHAMMOUT'],
    },
  );
  assert.deepEqual(
    splitPrintedName(
      'Andrey Nikolaevich TROSHEV (a.k.a. Andrei Mykolayvych TROSHEV) Андрей Николаевич ТРОШЕВ',
      'person',
    ),
    {
      primary: 'Andrey Nikolaevich TROSHEV',
      aliases: ['Andrei Mykolayvych TROSHEV', 'Андрей Николаевич ТРОШЕВ'],
    },
  );
  assert.deepEqual(splitPrintedName('Mikalai Mikalaevich VARABEI/VERABEI', 'person').aliases, [
    'Mikalai Mikalaevich VERABEI',
  ]);
  assert.deepEqual(
    splitPrintedName('Samer Kamal AL-ASSAD a.k.a. ‘Samir’ سامر كمال الأسد', 'person').aliases,
    ['سامر كمال الأسد', 'Samir Kamal AL-ASSAD'],
  );
});

test("a post or a note in brackets is not a name; a country in an organisation's name stays", () => {
  assert.deepEqual(splitPrintedName('Kabir, A., Maulavi (Governor of Nangarhar Province)', 'person'), {
    primary: 'Kabir, A., Maulavi',
    aliases: [],
  });
  assert.deepEqual(splitPrintedName('CJSC Alfa-Bank (Belarus)', 'organization'), {
    primary: 'CJSC Alfa-Bank (Belarus)',
    aliases: [],
  });
  assert.deepEqual(splitPrintedName('Al-Haramain (The Netherlands branch)', 'organization').aliases, []);
});

test("a vessel's former names and an organisation's other names become aliases", () => {
  assert.deepEqual(splitPrintedName('Chong Bong (Greenlight) (Blue Nouvelle)', 'vessel'), {
    primary: 'Chong Bong',
    aliases: ['Greenlight', 'Blue Nouvelle'],
  });
  assert.deepEqual(splitPrintedName('STORMBRINGER (ex KRITI VIGOR)', 'vessel').aliases, ['KRITI VIGOR']);
  assert.deepEqual(splitPrintedName('PSB Bank (formerly. PROMSVYAZBANK)', 'organization'), {
    primary: 'PSB Bank',
    aliases: ['PROMSVYAZBANK'],
  });
  assert.deepEqual(splitPrintedName('Sohra Group / Sohra LLC', 'organization'), {
    primary: 'Sohra Group',
    aliases: ['Sohra LLC'],
  });
  assert.deepEqual(splitPrintedName('UGANDA COMMERCIAL IMPEX (UCI) LTD', 'organization'), {
    primary: 'UGANDA COMMERCIAL IMPEX LTD',
    aliases: ['UCI'],
  });
});

test('a cell that cannot be read as names stays whole', () => {
  assert.deepEqual(
    splitPrintedName('Popular Front for the Liberation of Palestine – General Command', 'organization'),
    {
      primary: 'Popular Front for the Liberation of Palestine – General Command',
      aliases: [],
    },
  );
  assert.deepEqual(splitPrintedName('Al-Itihaad Al-Islamiya/AIAI (unclosed', 'organization').aliases, []);
});

test('a number that opens a name stays in it: "140 Repair Plant JSC" is not "Repair Plant JSC"', () => {
  assert.deepEqual(splitPrintedName('140 Repair Plant JSC', 'organization'), {
    primary: '140 Repair Plant JSC',
    aliases: [],
  });
  assert.deepEqual(splitPrintedName('2566 Radioelectronic Armament Repair Plant JSC', 'organization'), {
    primary: '2566 Radioelectronic Armament Repair Plant JSC',
    aliases: [],
  });
});
