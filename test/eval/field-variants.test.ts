import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIELD_VARIANTS } from '../../eval/field-variants.ts';

// The peer benchmark's person-name variants must be names someone would type (issue 19, variants).
const r = () => 0.1; // chance(r, 0.5) true: initials before the surname
const initials = (name: string) => FIELD_VARIANTS.initials!(r, name, true);
const firstLast = (name: string) => FIELD_VARIANTS['first-last']!(r, name, true);

test('initials take the first letter, not a mark before it', () => {
  assert.equal(initials("AL-MATAR, 'Abdu Tahir"), 'A. T. AL-MATAR');
  assert.equal(initials('PETROV, Ivan Ivanovich'), 'I. I. PETROV');
});

test('a name ending in a patronymic is surname-first; two words of it have no surname', () => {
  assert.equal(initials('Иванов Иван Николаевич'), 'И. Н. Иванов');
  assert.equal(initials('Иван Николаевич'), null);
  assert.equal(initials('Ivan Ivanovich PETROV'), 'I. I. PETROV');
});

test('the capitals the EU and UN write a surname in keep a double surname whole', () => {
  assert.equal(firstLast('José Miguel DOMÍNGUEZ RAMÍREZ'), 'José DOMÍNGUEZ RAMÍREZ');
  // All capitals says nothing: the last word stays the surname.
  assert.equal(firstLast('ABDUL RAHMAN AL FAKIH'), 'ABDUL FAKIH');
});
