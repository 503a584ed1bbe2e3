import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dottedApart } from '../../src/parties/dotted-glue.ts';
import { buildIndex } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// A dotted legal form typed onto the word before it (dotted-glue.ts). Invented names only.
const index = buildIndex([mk('D1', 'TURISMO VELHANSA S.A.'), mk('D2', 'Brantor S.A.L'), ...filler()]);

test('the initialism takes back its first letter from the word it was typed onto', () => {
  assert.equal(
    dottedApart('TURISMO VELHANSAS.A.', () => false),
    'TURISMO VELHANSA S.A.',
  );
  assert.equal(
    dottedApart('CONSTRUCTORAH.L.T.', () => false),
    'CONSTRUCTORA H.L.T.',
  );
  // A capital after small letters was typed as the initialism's, listed word or not.
  assert.equal(
    dottedApart('PowerS.A.L', () => true),
    'Power S.A.L',
  );
  const h = index.search({ name: 'TURISMO VELHANSAS.A.' }).find((x) => x.entryId === 'D1');
  assert.notEqual(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name.detail}`);
});

test('a listed word before dots, a spaced initialism and a web address stay as written', () => {
  assert.equal(
    dottedApart('HANSAS.A.', (w) => w === 'HANSAS'),
    'HANSAS.A.',
  );
  assert.equal(
    dottedApart('ABC S.A.', () => false),
    'ABC S.A.',
  );
  assert.equal(
    dottedApart('www.example.com', () => false),
    'www.example.com',
  );
  assert.equal(
    dottedApart('J.P. Morgan', () => false),
    'J.P. Morgan',
  );
});

test('dots for spaces and small letters are left alone; a capital after small letters is cut', () => {
  // A one-letter word between words ("с" is "with"), a name written with dots: dots for spaces.
  assert.equal(
    dottedApart('Общество.с.ограниченной.ответственностью', () => false),
    'Общество.с.ограниченной.ответственностью',
  );
  assert.equal(
    dottedApart('IVAN.PETROV.S.A.', () => false),
    'IVAN.PETROV.S.A.',
  );
  // Small letters: the abbreviation of Gesellschaft, not a letter typed on.
  assert.equal(
    dottedApart('Nordwind Handelsges.m.b.H.', () => false),
    'Nordwind Handelsges.m.b.H.',
  );
  // The capital says where the initials begin, a name after them or not.
  assert.equal(
    dottedApart('AzamA.R.Alsbhua', () => false),
    'Azam A.R.Alsbhua',
  );
});
