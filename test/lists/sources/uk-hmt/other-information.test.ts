import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  nationalIdentifiers,
  otherInformationIdentifiers,
  otherInformationParts,
  personalIdentifiers,
} from '../../../../src/lists/sources/uk-hmt/other-information.ts';

// Invented values in the ConList's "(Label):value" layout.
const FIRM =
  '(UK Sanctions List Ref):RUS9201. KPP 770901001 (UK Statement of Reasons):Supplies ZETA LLC (OGRN 1127799990010). ' +
  '(Phone number):+7 (495) 000-00-00 (Business Reg No):(1) OGRN: 1027799990008 (2) TIN – 7709990008 ' +
  '(Subsidiaries):(1) BIC: 044525 (2) TIN: 7709991114';

test('Other Information splits into its labelled parts; brackets inside values are not labels', () => {
  assert.deepEqual(
    otherInformationParts(FIRM).map((p) => p.label),
    ['UK Sanctions List Ref', 'UK Statement of Reasons', 'Phone number', 'Business Reg No', 'Subsidiaries'],
  );
  assert.equal(otherInformationParts(FIRM)[2]?.value, '+7 (495) 000-00-00');
  assert.deepEqual(otherInformationParts('Invented. No labels.'), [
    { label: '', value: 'Invented. No labels.' },
  ]);
});

test('numbers of other firms (statement of reasons, subsidiaries) are not the entry’s', () => {
  assert.deepEqual(otherInformationIdentifiers(FIRM), [
    { type: 'kpp', value: '770901001', country: 'RU' },
    { type: 'phone', value: '+7 (495) 000-00-00' },
    { type: 'ogrn', value: '1027799990008', country: 'RU' },
    { type: 'tax_id', value: '7709990008', label: 'TIN' },
  ]);
  assert.deepEqual(
    otherInformationIdentifiers(
      '(Parent company):NORTH LLC, OGRN 1127799990010 (Current owners):Tin Shipping',
    ),
    [],
  );
});

test('a ship takes its IMO number from its "(IMO number):" part', () => {
  assert.deepEqual(
    otherInformationIdentifiers(
      '(UK Sanctions List Ref):RUS9202. (IMO number):9123453 (Flag of ship):Russia',
    ),
    [{ type: 'imo', value: '9123453' }],
  );
});

test('national IDs take their scheme from the details numbered alike', () => {
  assert.deepEqual(nationalIdentifiers('(1) 100200300400 (2) 770999000123', '(1) TRN (2) INN'), [
    { type: 'tax_id', value: '100200300400', label: 'TRN' },
    { type: 'inn', value: '770999000123', country: 'RU' },
  ]);
  assert.deepEqual(nationalIdentifiers('770999000123', 'Russian Tax ID'), [
    { type: 'inn', value: '770999000123', country: 'RU' },
  ]);
  assert.deepEqual(nationalIdentifiers('INN number: 770999000123', ''), [
    { type: 'inn', value: '770999000123', country: 'RU' },
  ]);
  assert.deepEqual(nationalIdentifiers('', 'TIN 7709990008 OGRN 1027799990008'), [
    { type: 'tax_id', value: '7709990008', label: 'TIN' },
    { type: 'ogrn', value: '1027799990008', country: 'RU' },
  ]);
  // Unlabelled numbers with plain details stay national IDs, exactly as printed.
  assert.deepEqual(nationalIdentifiers('(1) A1234567 (2) 12 345', '(1) Georgian ID (2) -'), [
    { type: 'national_id', value: 'A1234567' },
    { type: 'national_id', value: '12 345' },
  ]);
});

test('a person keeps a personal INN and OGRNIP but not the firm numbers filed beside them', () => {
  const filed = nationalIdentifiers(
    '',
    'INN 770999000123 OGRNIP 320000000000003 Russian TIN 7709990008 OGRN 1027799990008 KPP 770901001',
  );
  assert.equal(filed.length, 5);
  assert.deepEqual(personalIdentifiers(filed), [
    { type: 'inn', value: '770999000123', country: 'RU' },
    { type: 'ogrn', value: '320000000000003', country: 'RU' },
  ]);
  // Numbers of other countries are not judged by Russian forms.
  const foreign = [{ type: 'tax_id', value: '1234567890', label: 'TIN' }];
  assert.deepEqual(personalIdentifiers(foreign), foreign);
});

test('contact parts keep whole values only', () => {
  const text =
    '(Phone number):(1) +7 (495) 000-00-01 (2) +213 (Website):(1) https://a.invalid (2) see a.invalid page ' +
    '(Email address):info@a.invalid. www.a.invalid';
  assert.deepEqual(otherInformationIdentifiers(text), [
    { type: 'phone', value: '+7 (495) 000-00-01' },
    { type: 'website', value: 'https://a.invalid' },
    { type: 'email', value: 'info@a.invalid' },
  ]);
});
