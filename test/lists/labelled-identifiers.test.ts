import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelledIdentifiers, textIdentifiers } from '../../src/lists/labelled-identifiers.ts';

// Invented values, spelt the way the UK and UN lists spell them.

test('a labelled number of the wrong length stays its register, unchecked', () => {
  assert.deepEqual(labelledIdentifiers('OGRN 12345678'), [
    { type: 'registration', value: '12345678', country: 'RU' },
  ]);
  assert.deepEqual(labelledIdentifiers('INN 123456789'), [
    { type: 'tax_id', value: '123456789', country: 'RU' },
  ]);
  assert.deepEqual(labelledIdentifiers('IMO number: 12345'), []);
});

test('free text trusts only unambiguous labels, and names that look like labels give nothing', () => {
  assert.deepEqual(
    textIdentifiers('Established 1990. OGRN: 1027799990008; KPP: 770901001. SWIFT/BIC: ABCDKPPY'),
    [
      { type: 'ogrn', value: '1027799990008', country: 'RU' },
      { type: 'kpp', value: '770901001', country: 'RU' },
      { type: 'swift', value: 'ABCDKPPY' },
    ],
  );
  assert.deepEqual(textIdentifiers('Government Gazette Number 12345678 (Russia). IMO number: 5550012.'), [
    { type: 'other', value: '12345678', country: 'RU', label: 'Government Gazette Number' },
    { type: 'imo', value: '5550012' },
  ]);
  assert.deepEqual(textIdentifiers('Admiral Tin Maw, Ali bin Omar, a LEI of lies, TIN 7709990008'), []);
  assert.deepEqual(textIdentifiers('SWIFT: see annex; IMO Number: (a) Blue Star'), []);
});
