import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digitsAsLetters } from '../../src/parties/digit-letters.ts';
import { buildIndex } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// A digit typed for its look-alike letter (src/parties/digit-letters.ts). Hand-written fixtures.
const P = { kind: 'person' as const };
const index = buildIndex([mk('S1', 'Igor Sechin', P), mk('V1', 'Plant 9'), ...filler()]);
const band = (name: string, id: string) =>
  index.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id)?.band ??
  'none';
const alerts = (b: string) => b === 'review' || b === 'block';

test('digits inside a word read as the letters they look like, when that gives a listed word', () => {
  const listed = (w: string) => ['igor', 'sechin'].includes(w.toLowerCase());
  assert.equal(digitsAsLetters('Ig0r Sech1n', listed), 'Igor Sechin');
  assert.equal(digitsAsLetters('I9or SECH1N', listed), 'Igor SECHIN');
  for (const q of ['Ig0r Sech1n', 'I9or Sech1n', 'IG0R SECH1N'])
    assert.ok(alerts(band(q, 'S1')), `${q}: ${band(q, 'S1')}`);
});

test('digits at a word edge, codes, and readings no list holds are left as typed', () => {
  const any = () => true;
  for (const q of ['Plant9', '27TH', 'TKT1997', 'A12F', '9Igor', 'Ig00r'])
    assert.equal(digitsAsLetters(q, any), q);
  const none = () => false;
  assert.equal(digitsAsLetters('Ig0r Sech1n', none), 'Ig0r Sech1n');
  for (const q of ['Ig0r Petr0v', 'Ig0r Sech2n Petrov'])
    assert.ok(!alerts(band(q, 'S1')), `${q}: ${band(q, 'S1')}`);
});
