import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit, type PartyQuery } from '../../src/parties/index.ts';
import { acronymCandidates } from '../../src/parties/org-acronym.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19: lists shorten the descriptive part of an organisation's name to its acronym ("JSC SEZ Alabuga")
// where another spells it out. Invented names built that way.
const index = buildIndex([
  mk('ZONE', 'JOINT STOCK COMPANY SPECIAL ECONOMIC ZONE OF INDUSTRIAL PRODUCTION KORVAGA'),
  mk('BANK', 'INDUSTRIAL BANK OF MOSKVORETSK'),
  mk('WORKS', 'NORTHERN CABLE WORKS VELMORA'),
  ...filler(),
]);

const hitOf = (q: PartyQuery, id: string): Hit | undefined =>
  index.search(q, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);
const org = (name: string): PartyQuery => ({ name, kind: 'organization' });

test('an acronym spelling out consecutive list words, beside a word both write alike, is aligned', () => {
  const h = hitOf(org('JSC SEZ Korvaga'), 'ZONE');
  assert.ok((h?.score ?? 0) >= 0.8, `${h?.score} ${h?.evidence.name.detail}`);
  assert.match(h?.evidence.name.detail ?? '', /sez=special\+economic\+zone \(acronym 0\.9\)/);
  // "Cable Works" as NCW with the distinctive word: C is the first letter of "Cable" (a hard c to skeletons).
  const works = hitOf(org('NCW Velmora'), 'WORKS');
  assert.match(works?.evidence.name.detail ?? '', /ncw=northern\+cable\+works/);
});

test('an acronym beside only a misspelt word, letters out of order, or a word taken twice, links nothing', () => {
  // Three letters shared with a listed name's initials prove nothing without a word written alike ("IBM").
  const misspelt = hitOf(org('JSC SEZ Korvega'), 'ZONE');
  assert.match(misspelt?.evidence.name.detail ?? '', /korvega~korvaga/);
  assert.doesNotMatch(misspelt?.evidence.name.detail ?? '', /acronym/);
  // "Moskvoretsk" is matched as itself, so it cannot also be the M of "IBM".
  assert.doesNotMatch(hitOf(org('IBM Moskvoretsk'), 'BANK')?.evidence.name.detail ?? '', /acronym/);
  assert.doesNotMatch(hitOf(org('JSC SZE Korvaga'), 'ZONE')?.evidence.name.detail ?? '', /acronym/);
  assert.doesNotMatch(hitOf(org('JSC SEIZ Korvaga'), 'ZONE')?.evidence.name.detail ?? '', /acronym/);
});

test('only an organisation’s short words may be acronyms', () => {
  assert.equal(acronymCandidates(['sez', 'korvaga'], [0, 0], true), 0);
  assert.equal(acronymCandidates(['sez', 'korvaga', 'x'], [0, 0, 0], false), 0b001);
});

test('a name of many short words (an unspaced Han or Hangul name read a syllable a word) has no acronyms', () => {
  assert.equal(acronymCandidates(['ntc', 'spb', 'korvaga'], [0, 0, 0], false), 0b011);
  assert.equal(acronymCandidates(['kim', 'jong', 'sun', 'korvaga'], [0, 0, 0, 0], false), 0);
  const nine = ['sez', 'korvaga', 'a1', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1'];
  assert.equal(acronymCandidates(nine, Array(9).fill(0), false), 0);
});
