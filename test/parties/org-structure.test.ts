import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type PartyQuery } from '../../src/parties/index.ts';
import { markGeneric } from '../../src/parties/org-generic.ts';
import { GENERIC, TAIL, tokenizeName } from '../../src/parties/tokenize.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19: an organisation's name is a core, a legal form, generic words and honorifics. The entries are
// hand-written in the lists' styles (EU, OFAC); the queries are how another list or a customer writes them.
const index = buildIndex([
  mk('K1', 'Keldysh Institute of Applied Mathematics of the Russian Academy of Sciences'),
  mk('K2', 'Joint stock company Zavod Dagdizel'),
  mk('K3', 'PJSC Yaroslavl Radiozavod'),
  mk('K4', 'Taganrog Aviation Scientific and Technical Complex named after G. M. Beriev'),
  mk('K5', 'State Corporation Rostec'),
  mk('K6', 'Moscow Institute of Thermal Technology'),
  mk('K7', 'State Unitary Enterprise Research Institute Almaz'),
  mk('N1', 'TARGET ELECTRONICS'),
  mk('N2', 'STANEX GROUP LIMITED LIABILITY PARTNERSHIP'),
  mk('N3', 'Joint Stock Company Microtechnology'),
  mk('N4', 'PETRO CHINA PARS CO.'),
  mk('N5', 'SOCIETE GENERALE DE PAIN'),
  mk('N6', 'Experian Holdings, Inc.'),
  mk('N7', 'JSC Yandex Bank', { countries: ['RU'] }),
  mk('N8', 'KAO JSC', { countries: ['RU'] }),
  mk('N9', 'UCB JSC', { countries: ['RU'] }),
  mk('A1', 'NMZ OJSC', { countries: ['RU'] }),
  mk('A2', 'LIMITED LIABILITY COMPANY CST', { countries: ['RU'] }),
  mk('H1', 'VOLGAR ORCHID HOLDINGS'),
  ...filler(),
]);

const hitOn = (q: PartyQuery | string, id: string) =>
  index
    .search(typeof q === 'string' ? { name: q, kind: 'organization' } : q, { minScore: 0, limit: 50 })
    .find((h) => h.entryId === id);

test('generic words and honorifics are flagged; the core is not', () => {
  const t = tokenizeName('Rostov Helicopter Production Complex Rostvertol Named After B.N. Slyusar PJSC');
  const flagged = (f: number) => t.words.filter((_, i) => t.flags[i]! & f);
  assert.deepEqual(flagged(GENERIC), ['production', 'complex', 'named', 'after']);
  assert.deepEqual(flagged(TAIL), ['bn', 'slyusar']);
  // "im"/"na" are honour markers only before initials: "Casa na Praia" keeps "praia" whole.
  assert.deepEqual(markGeneric(['kasa', 'na', 'praia'], ['casa', 'na', 'praia']).honour, [
    false,
    false,
    false,
  ]);
  assert.equal(
    tokenizeName('Ivan Petrov', true).flags.some((f) => f & GENERIC),
    false,
  );
});

test('quotation marks part words; an apostrophe inside a word joins it', () => {
  // The EU's "State Unitary Enterprise of the ‘Republic of Crimea’‘Universal-Avia": two quotes, no space.
  const eu = tokenizeName('State Unitary Enterprise of the ‘Republic of Crimea’‘Universal-Avia').words;
  assert.deepEqual(eu.slice(-3), ['crimea', 'universal', 'avia']);
  assert.deepEqual(tokenizeName('O’Brien Trading').words, ['obrien', 'trading']);
  // An English possessive ends a word: dropped, as customers write the name with or without it.
  assert.deepEqual(tokenizeName("VORNEX KERAMIK's").words, tokenizeName('VORNEX KERAMIK').words);
  assert.deepEqual(
    tokenizeName('Ra’s Tanura Trading').words,
    ['ras', 'tanura', 'trading'],
    'a short word keeps it',
  );
});

test('a comma inside a legal run starts a member’s name: its words are core, not a seat', () => {
  const member = tokenizeName('Tactical Missile Corporation, Joint Stock Company Avangard');
  assert.deepEqual(member.words, ['tactical', 'missile', 'avangard']);
  assert.equal(member.flags[2]! & TAIL, 0);
  // A seat after a trailing legal form stays a seat.
  assert.ok(
    tokenizeName('QWERTA TRADING DOO BEOGRAD PALILULA')
      .flags.slice(2)
      .every((f) => f & TAIL),
  );
});

test('another list name of the same organisation is found: coverage is judged on the core', () => {
  for (const [name, id] of [
    ['KELDYSH INSTITUTE OF APPLIED MATHEMATICS', 'K1'],
    ['JOINT STOCK COMPANY DAGDIZEL PLANT', 'K2'],
    ['JOINT STOCK COMPANY YAROSLAVL RADIOWORKS', 'K3'],
    ['PUBLIC JOINT STOCK COMPANY TAGANROG AVIATION SCIENTIFIC-TECHNICAL COMPLEX N.A. G.M. BERIEV', 'K4'],
    ['Rostec', 'K5'],
    ['JOINT STOCK COMPANY CORPORATION MOSCOW INSTITUTE OF HEAT TECHNOLOGY', 'K6'],
  ] as const) {
    const h = hitOn(name, id);
    assert.ok(h && h.band !== 'below', `${name}: ${h?.score} ${h?.evidence.name.detail}`);
  }
  // The explanation names the cross-language pair: plant ↔ zavod.
  assert.match(hitOn('JOINT STOCK COMPANY DAGDIZEL PLANT', 'K2')!.evidence.name.detail, /plant~zavod/);
});

test('a generic word of kind left unmatched costs little but stops a block: the group is not its member', () => {
  const h = hitOn('Volgar Orchid', 'H1');
  assert.equal(h?.band, 'review', `${h?.score}`);
  assert.match(h!.evidence.name.detail, /generic word of kind .* left unmatched: cannot block/);
  assert.equal(hitOn('Volgar Orchid Holdings', 'H1')?.band, 'block');
});

test('generic words never make a hit alone', () => {
  const h = hitOn('State Unitary Enterprise Research Institute', 'K7');
  assert.ok(!h || h.band === 'below', `${h?.score} ${h?.evidence.name.detail}`);
});

test('well-known companies stay below review on one shared word, a sound-alike or a glued typo', () => {
  for (const [name, id, why] of [
    // These two are held by coverage in this small index; on the real lists, where "electronics" and "pain" are
    // common words weighing less, the ceiling holds them (eval:match, CALIBRATION.md).
    ['Target Corporation', 'N1', /unmatched: list electronics/],
    ['StoneX Group Inc.', 'N2', /one short word that is only alike/],
    ['Micron Technology, Inc.', 'N3', /glued pair that is also misspelt/],
    ['PetroChina Company Limited', 'N4', /one distinctive word inside a longer listed name/],
    ['Société Générale S.A.', 'N5', /unmatched: list de pain/],
    ['Experian plc', 'N6', /one distinctive word inside a longer listed name/],
    ['Yandex', 'N7', /one distinctive word inside a longer listed name/],
  ] as const) {
    const h = hitOn(name, id);
    assert.ok(h, `${name}: still found and explained`);
    assert.equal(h.band, 'below', `${name}: ${h.score} ${h.evidence.name.detail}`);
    assert.match(h.evidence.name.detail, why, name);
  }
  // An agreeing field lifts such a name to review, never to block.
  assert.equal(hitOn({ name: 'Yandex', kind: 'organization', country: 'RU' }, 'N7')?.band, 'review');
});

test('a 3-letter name with a legal form of another jurisdiction needs an agreeing field', () => {
  for (const [name, id] of [
    ['Kao Corporation', 'N8'],
    ['UCB SA', 'N9'],
  ] as const) {
    assert.equal(hitOn(name, id)?.band, 'below', name);
    assert.equal(hitOn({ name, kind: 'organization', country: 'RU' }, id)?.band, 'review', `${name} RU`);
  }
  // The same legal form family written another way still reaches review: OAO/OJSC, LLC/limited liability company.
  assert.equal(hitOn('NMZ OAO', 'A1')?.band, 'review');
  assert.equal(hitOn('LLC CST', 'A2')?.band, 'review');
});
