import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex } from '../../src/parties/index.ts';
import { slashParts } from '../../src/parties/slash-names.ts';
import { filler, mk } from './fixtures.ts';

// Names a list joins with a slash are each a name of the entry (src/parties/slash-names.ts). Hand-written.
const index = buildIndex([mk('G1', 'Al-Nurayn/Harakat Sahil'), mk('C1', 'Vestborg A/S'), ...filler()]);
const band = (name: string, id: string) =>
  index.search({ name }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id)?.band ?? 'none';
const alerts = (b: string) => b === 'review' || b === 'block';

test('each of the names joined by a slash is found alone', () => {
  assert.deepEqual(slashParts('Al-Nurayn/Harakat Sahil', false), ['Al-Nurayn', 'Harakat Sahil']);
  for (const q of ['Al Nurayn', 'Harakat Sahil']) assert.ok(alerts(band(q, 'G1')), `${q}: ${band(q, 'G1')}`);
});

test('a slash inside a legal form, a care-of or a number joins no names', () => {
  for (const q of ['Vestborg A/S', 'Vestborg c/o Nordhafen', 'Ltd/LLC', '24/7 Trading', '01/02/2003'])
    assert.deepEqual(slashParts(q, false), [], q);
  // Another spelling of a word, and persons' names, are not names joined.
  assert.deepEqual(slashParts('Andrei Vladimirovich FEDOROV/FYODOROV', false), []);
  assert.deepEqual(slashParts('Ivan Petrov/Ivan Petrow', true), []);
  assert.ok(!alerts(band('Harakat Vestborg', 'G1')), band('Harakat Vestborg', 'G1'));
});
