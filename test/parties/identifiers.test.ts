import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checksumValid, normScheme, normValue } from '../../src/parties/identifiers.ts';

test('check digits: INN, OGRN, LEI, IMO', () => {
  assert.equal(checksumValid('inn', '7707083893'), true);
  assert.equal(checksumValid('inn', '7707083894'), false);
  assert.equal(checksumValid('inn', '500100732259'), true);
  assert.equal(checksumValid('ogrn', '1027700132195'), true);
  assert.equal(checksumValid('ogrn', '1027700132196'), false);
  assert.equal(checksumValid('lei', '5493001KJTIIGC8Y1R12'), true);
  assert.equal(checksumValid('lei', '5493001KJTIIGC8Y1R13'), false);
  assert.equal(checksumValid('imo', '9074729'), true);
  assert.equal(checksumValid('imo', '9074728'), false);
});

test('normalisation of schemes and values', () => {
  assert.equal(normScheme('Tax ID'), 'tax_id');
  assert.equal(normValue('imo', 'IMO 9074729'), '9074729');
  assert.equal(normValue('registration', 'ab-12 34'), 'AB1234');
  assert.equal(normValue('website', 'https://www.Example.com/'), 'example.com');
});
