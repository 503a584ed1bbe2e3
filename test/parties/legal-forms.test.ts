import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type PartyQuery, tokenizeName } from '../../src/parties/index.ts';
import { LEGAL_SINGLE, splitCompounds } from '../../src/parties/legal-forms.ts';
import { skeleton } from '../../src/parties/skeleton.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, "What goes wrong" 2: legal forms only partly known.
const index = buildIndex([
  mk('L1', 'Continental AG', { countries: ['DE'] }),
  mk('L2', 'Nordwind Handelsgesellschaft mbH', { countries: ['DE'] }),
  mk('L3', 'Bergkristall Aktiengesellschaft'),
  mk('L4', 'Polmex Sp. z o.o.'),
  mk('L5', 'Fjordlys Aksjeselskap'),
  ...filler(),
]);

const hit = (q: PartyQuery | string, id: string) =>
  index
    .search(typeof q === 'string' ? { name: q } : q, { minScore: 0, limit: 50 })
    .find((h) => h.entryId === id);

function expectBand(q: string, id: string, band: 'review' | 'block') {
  const h = hit(q, id);
  assert.ok(h, `${q} should find ${id}`);
  assert.ok(band === 'block' ? h.band === 'block' : h.band !== 'below', `${q} → ${id}: ${h.score} ${h.band}`);
}

test('legal forms: "Continental Aktiengesellschaft" meets "Continental AG", both ways', () => {
  expectBand('Continental Aktiengesellschaft', 'L1', 'block');
  expectBand('Continental A.G.', 'L1', 'block');
  expectBand('Bergkristall AG', 'L3', 'block');
});

test('legal forms: German compounds "Nordwind Handels GmbH" meets "Nordwind Handelsgesellschaft mbH"', () => {
  expectBand('Nordwind Handels GmbH', 'L2', 'block');
  expectBand('Nordwind Handelsges.m.b.H.', 'L2', 'block');
  expectBand('Nordwind Handels Ges. m. b. H.', 'L2', 'block');
  expectBand('NORDWIND HANDELSGESELLSCHAFT', 'L2', 'block');
  // The core word still counts: another trade is another company.
  assert.notEqual(hit('Nordwind Logistik GmbH', 'L2')?.band ?? 'below', 'block');
  assert.equal(hit('Nordwind Logistik GmbH', 'L2')?.band ?? 'below', 'below');
});

test('legal forms: Polish and Norwegian forms from the table', () => {
  expectBand('POLMEX SPOLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA', 'L4', 'block');
  expectBand('Polmex sp. z o. o.', 'L4', 'block');
  expectBand('Fjordlys AS', 'L5', 'block');
});

test('compound split keeps whole legal-form words and short stems whole', () => {
  assert.deepEqual(splitCompounds(['nordwind', 'handelsgesellschaft', 'mbh']), [
    'nordwind',
    'handels',
    'gesellschaft',
    'mbh',
  ]);
  assert.deepEqual(splitCompounds(['aktiengesellschaft']), ['aktiengesellschaft']);
  // "ges" ends a compound only before "mbh": "Georges" is a name.
  assert.deepEqual(splitCompounds(['georges', 'trading']), ['georges', 'trading']);
  assert.deepEqual(splitCompounds(['handelsges', 'mbh']), ['handels', 'ges', 'mbh']);
});

test('ordinary words the legal-form source also lists are not dropped from names', () => {
  for (const w of ['charity', 'cooperative', 'stiftung', 'unlimited', 'in', 'et'])
    assert.ok(!LEGAL_SINGLE.has(skeleton(w)), w);
  assert.deepEqual(tokenizeName('Al Noor Charity LLC').words, ['al', 'noor', 'charity']);
  // Legal forms alone still say nothing.
  assert.deepEqual(index.search({ name: 'Trading Aktiengesellschaft' }), []);
  assert.deepEqual(index.search({ name: 'Handelsgesellschaft mbH' }), []);
});
