import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit, type PartyQuery } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, cross-list misses: an organisation name written inside a longer listed one (the EU packs several names of
// an entity into one string), and a trailing father's name or second surname on one side of a person's name.
// Invented names built like the list names the issue quotes (ROSTOV HELICOPTER PRODUCTION COMPLEX, DAWOOD
// IBRAHIM KASKAR / IBRAHIM, Dawood, KHAIRULLAH BARAKZAI KHUDAI NAZAR).
const org = { kind: 'organization' as const };
const person = { kind: 'person' as const };
const index = buildIndex([
  mk(
    'O1',
    'Volgograd Turbine Assembly Works Public Joint Stock Company ‘Volturbo’ Nizhnevolzhsky Energokombinat Named After P.K. Serov PJSC',
    org,
  ),
  mk('O2', 'JOINT STOCK COMPANY KESTREL OPTICAL SYSTEMS', org),
  mk('O3', 'Kestrel Holdings Limited', org),
  mk('P1', 'ZARGANI, Farhadullah', person),
  mk('P2', 'QUTBUDDIN NOORZADA AMAN GUL', person),
  mk('P3', 'AL-TARIFI, Hamdan', person),
  mk('P4', 'Jose Francisco LOPEZ CENTENO ARREAZA VILLALOBOS', person),
  ...filler(),
]);

const hitOf = (q: PartyQuery, id: string): Hit | undefined =>
  index.search(q, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

function band(name: string, kind: PartyQuery['kind'], id: string): Hit | undefined {
  return hitOf({ name, kind }, id);
}

test('an organisation name word for word inside a longer listed name is a review, never a block', () => {
  const h = band('VOLGOGRAD TURBINE ASSEMBLY WORKS', 'organization', 'O1');
  assert.equal(h?.band, 'review', `${h?.score} ${h?.evidence.name?.detail}`);
  assert.match(h?.evidence.name?.detail ?? '', /word for word, in order, inside a longer listed name/);
});

test('a name of no known kind without a generic word is no organisation phrase: the common-name prior holds', () => {
  const h = hitOf({ name: 'Jose Francisco Lopez' }, 'P4');
  assert.doesNotMatch(h?.evidence.name?.detail ?? '', /word for word/);
  assert.equal(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name?.detail}`);
});

test('a listed name inside a longer customer name is not raised: another firm is as often named beside it', () => {
  const h = band('Northern Defence Group, Joint Stock Company Kestrel Optical Systems', 'organization', 'O2');
  assert.equal(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name?.detail}`);
  assert.doesNotMatch(h?.evidence.name?.detail ?? '', /word for word/);
});

test('the same words out of order, a gap, or two words only, are no phrase', () => {
  // Out of order: a bag of words, not the listed name.
  const swapped = band('ASSEMBLY TURBINE VOLGOGRAD WORKS', 'organization', 'O1');
  assert.equal(swapped?.band ?? 'below', 'below', `${swapped?.score} ${swapped?.evidence.name?.detail}`);
  // A non-status word between the found ones breaks the phrase.
  const gap = band('Volgograd Turbine Engine Assembly Works', 'organization', 'O1');
  assert.equal(gap?.band ?? 'below', 'below', `${gap?.score} ${gap?.evidence.name?.detail}`);
  // One distinctive word and a generic one: the one-core-word hold stands.
  const short = band('Kestrel Holdings International Trading', 'organization', 'O3');
  assert.notEqual(short?.band, 'block');
});

test('a trailing father’s name: given and family name still found, held at review', () => {
  // "Given Family Father" (the UN's order) against "FAMILY, Given".
  const a = band('FARHADULLAH ZARGANI HAMID', 'person', 'P1');
  assert.equal(a?.band, 'review', `${a?.score} ${a?.evidence.name?.detail}`);
  assert.match(a?.evidence.name?.detail ?? '', /given and family name both found/);
  // The other way round: the listed name carries the father's name (two words) the customer left out.
  const b = band('NOORZADA, Qutbuddin', 'person', 'P2');
  assert.equal(b?.band, 'review', `${b?.score} ${b?.evidence.name?.detail}`);
});

test('a family name found further along a nasab chain is not the family name', () => {
  // "Hamdan ben Salim ben Tarifi Zawi": Tarifi is the grandfather, not the family name of AL-TARIFI, Hamdan.
  const h = band('HAMDAN BEN SALIM BEN TARIFI ZAWI', 'person', 'P3');
  assert.equal(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name?.detail}`);
});
