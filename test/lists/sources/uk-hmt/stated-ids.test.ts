import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellIdentifiers, schemeOfDetails } from '../../../../src/lists/sources/uk-hmt/stated-ids.ts';

// Values are invented; the spellings around them are the ones the UK lists use.

test('a cell without a label is one value of the cell scheme, as before', () => {
  assert.deepEqual(cellIdentifiers('50870', 'registration', 'Business Reg No'), [
    { type: 'registration', value: '50870', label: 'Business Reg No' },
  ]);
  // Spaced digits keep the whole cell: the engine drops the spaces, a first token would cut the number.
  assert.deepEqual(cellIdentifiers('1 027 799 990 008', 'registration'), [
    { type: 'registration', value: '1 027 799 990 008' },
  ]);
  assert.deepEqual(cellIdentifiers('1027799990008 (Russia)', 'registration'), [
    { type: 'ogrn', value: '1027799990008', country: 'RU' },
  ]);
  assert.deepEqual(cellIdentifiers('12345678 (China Organisation code)', 'registration'), [
    { type: 'registration', value: '12345678' },
  ]);
});

test('numbered labelled values each take their own scheme', () => {
  assert.deepEqual(cellIdentifiers('(1) OGRN: 1027799990008 (2) TIN: 7709990008', 'registration'), [
    { type: 'ogrn', value: '1027799990008', country: 'RU' },
    { type: 'tax_id', value: '7709990008', label: 'TIN' },
  ]);
  assert.deepEqual(
    cellIdentifiers('(1) INN – 7709990008 (2) OGRN – 1027799990008 (3) KPP - 770901001', 'registration'),
    [
      { type: 'inn', value: '7709990008', country: 'RU' },
      { type: 'ogrn', value: '1027799990008', country: 'RU' },
      { type: 'kpp', value: '770901001', country: 'RU' },
    ],
  );
  assert.deepEqual(cellIdentifiers('Tax Identification Number: INN: 7709990008', 'registration'), [
    { type: 'inn', value: '7709990008', country: 'RU' },
  ]);
});

test('a country before the label or after the value is kept, and a Russian TIN is an INN', () => {
  assert.deepEqual(cellIdentifiers('(1) Russia TIN- 7709990008 (2) SRN - 1027799990008', 'registration'), [
    { type: 'inn', value: '7709990008', country: 'RU' },
    { type: 'ogrn', value: '1027799990008', country: 'RU' },
  ]);
  assert.deepEqual(cellIdentifiers(' (1) Kazakhstan BIN - 170400000001', 'registration'), [
    { type: 'registration', value: '170400000001', country: 'KZ', label: 'BIN' },
  ]);
  assert.deepEqual(cellIdentifiers('1027799990008 (Russia). Tax ID 7709990008', 'registration', 'Reg'), [
    { type: 'ogrn', value: '1027799990008', country: 'RU' },
    { type: 'tax_id', value: '7709990008', label: 'Tax ID' },
  ]);
  assert.deepEqual(cellIdentifiers('Unified Social Credit Code: 91440300MA00000001', 'registration'), [
    { type: 'registration', value: '91440300MA00000001', country: 'CN', label: 'Unified Social Credit Code' },
  ]);
});

test('a value stops where the file runs into lower case', () => {
  assert.deepEqual(cellIdentifiers('Tax ID: 7709990008e', 'registration'), [
    { type: 'tax_id', value: '7709990008', label: 'Tax ID' },
  ]);
});

test('national ID details name the scheme', () => {
  assert.deepEqual(schemeOfDetails('Russian INN Number'), { type: 'inn', country: 'RU' });
  assert.deepEqual(schemeOfDetails('Russian Tax ID'), {
    type: 'tax_id',
    label: 'Russian Tax ID',
    country: 'RU',
  });
  assert.deepEqual(schemeOfDetails('Taxpayer ID'), { type: 'tax_id', label: 'Taxpayer ID' });
  assert.deepEqual(schemeOfDetails('Georgian National ID Number'), { type: 'national_id' });
  assert.deepEqual(schemeOfDetails(''), { type: 'national_id' });
});
