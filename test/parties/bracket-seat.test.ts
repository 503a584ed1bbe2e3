import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bracketSeatLast } from '../../src/parties/bracket-seat.ts';
import { buildIndex } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// A country in brackets inside an organisation's name is its seat (src/parties/bracket-seat.ts). Hand-written.
const index = buildIndex([
  mk('D1', 'Nordhafen Bank AG'),
  mk('D2', 'Nordhafen Bank (Schweiz) AG'),
  ...filler(),
]);
const band = (name: string, id: string) =>
  index.search({ name, kind: 'organization' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id)
    ?.band ?? 'none';
const alerts = (b: string) => b === 'review' || b === 'block';

test('a country in brackets, in its own language or in English, moves after the legal form', () => {
  assert.equal(bracketSeatLast('Nordhafen Bank (Schweiz) AG'), 'Nordhafen Bank AG Schweiz');
  assert.equal(bracketSeatLast('Nordhafen Bank (Österreich) AG'), 'Nordhafen Bank AG Österreich');
  assert.equal(bracketSeatLast('Nordhafen Bank (Luxembourg) S.A.'), 'Nordhafen Bank S.A. Luxembourg');
  for (const [q, id] of [
    ['Nordhafen Bank (Schweiz) AG', 'D1'],
    ['Nordhafen Bank AG', 'D2'],
    ['Nordhafen Bank (Suisse) SA', 'D1'],
  ] as const)
    assert.ok(alerts(band(q, id)), `${q} → ${id}: ${band(q, id)}`);
});

test('any other bracket, or a country not in brackets, is left as written', () => {
  for (const q of [
    'Bank (Melli) Iran',
    'Nordhafen (Pvt) Ltd',
    'Nordhafen Bank (Schweiz)',
    'A (Schweiz) B (AG) C',
  ])
    assert.equal(bracketSeatLast(q), q);
  for (const q of ['Nordhafen Bank (Amsterdam) AG', 'Nordhafen Bank Schweiz AG'])
    assert.ok(!alerts(band(q, 'D1')), `${q}: ${band(q, 'D1')}`);
});
