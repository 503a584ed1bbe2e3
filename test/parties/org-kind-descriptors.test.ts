import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit, type PartyQuery } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, cross-list misses: the EU's "JSC Makeyev Design Bureau" is OFAC's "MAKEYEV ROCKET DESIGN BUREAU";
// the EU's "NPK TEKHMASH OAO" its own "Joint Stock Company Scientific Production Concern Tekhmash". Invented
// names built the same way.
const index = buildIndex([
  mk('D1', 'KORVALEV ROCKET DESIGN BUREAU'),
  mk('D2', 'JSC Yarnovik Bank'),
  mk('D3', 'Joint Stock Company Scientific Production Concern Prelmash'),
  mk('D4', 'Joint Stock Company Experimental Design Bureau Vostrel'),
  ...filler(),
]);

const hitOf = (q: PartyQuery, id: string): Hit | undefined =>
  index.search(q, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);
const org = (name: string): PartyQuery => ({ name, kind: 'organization' });
const band = (h: Hit | undefined) => h?.band ?? 'below';
const why = (h: Hit | undefined) => `${h?.score} ${h?.evidence.name?.detail}`;

test('one distinctive word with its kind, found inside a longer listed name: review, not block', () => {
  const h = hitOf(org('JSC Korvalev Design Bureau'), 'D1');
  assert.equal(band(h), 'review', why(h));
});

test('the distinctive word alone, or with a kind the list does not share, stays below review', () => {
  assert.equal(band(hitOf(org('Yarnovik'), 'D2')), 'below');
  assert.equal(band(hitOf(org('Korvalev'), 'D1')), 'below');
  assert.equal(band(hitOf(org('Korvalev Bank'), 'D1')), 'below');
});

test('a Russian descriptor abbreviation is found in the English the list translates it with', () => {
  const npk = hitOf(org('NPK PRELMASH OAO'), 'D3');
  assert.notEqual(band(npk), 'below', why(npk));
  assert.match(npk?.evidence.name?.detail ?? '', /npk=scientific\+production\+concern/);
  const okb = hitOf(org('OKB Vostrel'), 'D4');
  assert.notEqual(band(okb), 'below', why(okb));
});

test('an abbreviation is not read as a translation it does not stand for', () => {
  const h = hitOf(org('OKB PRELMASH'), 'D3');
  assert.doesNotMatch(h?.evidence.name?.detail ?? '', /okb=/, why(h));
});
