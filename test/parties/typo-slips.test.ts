import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndexData } from '../../src/parties/build-index.ts';
import { markLegalForms, typedLegal } from '../../src/parties/legal-forms.ts';
import { indexOver } from '../../src/parties/match-index.ts';
import { bruteLinks, indexLinks } from '../../src/parties/prepare-query.ts';
import { skeleton } from '../../src/parties/skeleton.ts';
import { typoLinks } from '../../src/parties/typo-links.ts';
import { filler, mk, typoLinkSim } from './fixtures.ts';
import { assertSameReviewHits } from './recall-check.ts';

// One keystroke slip that the skeleton's folds (doubled letters, digraphs, x → ks, hard c) turn into two or
// more edits: the typed word still links to the word it stands for (typo-links.ts). Invented names only.
const d = buildIndexData([
  mk('T1', 'VORANTIS GENERAL SUPPLIES'),
  mk('T2', 'KELDORA COFFEE IMPORTS'),
  mk('T3', 'SOUTH MERIDA LINES'),
  mk('T4', 'SISTEMA ZELTROVA'),
  mk('T5', 'BRIMWELL FLOWERS EXPORT'),
  mk('T6', 'PALOMARES, Cesar Anibal', { kind: 'person' }),
  mk('T7', 'KIWALA'),
  mk('T8', 'JABER, Ruslan Tamirovich', { kind: 'person' }),
  mk('T9', 'BING, Toraldo', { kind: 'person' }),
  mk('T10', 'LIMITED LIABILITY PARTNERSHIP ORVANTEK'),
  mk('T11', 'CORPORACION VELMORA, S.A.'),
  ...filler(),
]);
const index = indexOver(d);
const linked = (typed: string, listed: string) => typoLinkSim(d, typed, listed);
const review = (name: string, id: string) =>
  index.search({ name }, { limit: 50 }).find((h) => h.entryId === id);

test('a slip the folds multiplied links to the word typed at, graded as one edit', () => {
  for (const [typed, listed] of [
    ['geeral', 'general'], // a dropped letter makes a double: "geral" is 2 edits from "general"
    ['cofwfee', 'coffee'], // an inserted letter breaks a double: "kofvfe" against "kofe"
    ['suoth', 'south'], // a swap breaks "ou": "suot" against "sut"
    ['sitsema', 'sistema'], // a swap makes "ts" (→ c)
    ['floers', 'flowers'], // a dropped letter makes "oe" (→ o)
    ['cgsar', 'cesar'], // a changed letter makes the c hard (→ k)
    ['jabxr', 'jaber'], // x is two letters in a skeleton (ks)
  ]) {
    const sim = linked(typed!, listed!);
    assert.ok(sim > 0.6 && sim < 0.9, `${typed} → ${listed}: ${sim}`);
  }
  // Not a slip: two changes, or a short word left after the repair.
  assert.equal(linked('goeerl', 'general'), 0);
  assert.equal(linked('kwal', 'kiwala'), 0);
  // Nor on the first letter: "Jing" (skeleton "ing", too short for an edit) is not a slip of "Bing".
  assert.equal(linked('jing', 'bing'), 0);
});

test('the reference full scan links the same slips as the deletion index', () => {
  for (const typed of ['geeral', 'cofwfee', 'suoth', 'floers', 'cgsar']) {
    const a = typoLinks(d, typed, skeleton(typed), indexLinks);
    const b = typoLinks(d, typed, skeleton(typed), bruteLinks);
    assert.deepEqual([...a].sort(), [...b].sort(), typed);
  }
  assertSameReviewHits(index, [
    { name: 'Vorantis Geeral Supplies' },
    { name: 'KELDORA COFwFEE IMPORTS' },
    { name: 'SUOTH MERIDA LINES' },
    { name: 'Sitsema Zeltrova' },
  ]);
});

test('a name with one slipped word is found at review, not block', () => {
  for (const [name, id] of [
    ['Vorantis Geeral Supplies', 'T1'],
    ['KELDORA COFwFEE IMPORTS', 'T2'],
    ['SUOTH MERIDA LINES', 'T3'],
    ['Sitsema Zeltrova', 'T4'],
    ['Brimwell Floers Export', 'T5'],
    ['PALOMARES Cgsar Anibal', 'T6'],
    ['JABxR Ruslan Tamirovich', 'T8'],
  ]) {
    const h = review(name!, id!);
    assert.ok(h, `${name} finds ${id}`);
    assert.equal(h.band, 'review', `${name}: ${h.score} ${h.evidence.name.detail}`);
    assert.match(h.evidence.name.detail, /~/, 'the slipped word is named as an edit');
  }
});

test('a one-word name one slip away stays below review (Intel is not Inter)', () => {
  assert.equal(review('Kiwaa', 'T7'), undefined);
  const h = index.search({ name: 'Kiwaa' }, { minScore: 0, limit: 50 }).find((x) => x.entryId === 'T7');
  assert.ok(h && h.score > 0.6, 'still scored, as a graded similarity');
});

test('a misspelt long legal-form word in a query is still a legal form, never a lone rare word', () => {
  const legal = (words: string[], spell?: (s: string) => string) =>
    markLegalForms(words.map(skeleton), spell);
  assert.deepEqual(legal(['united', 'corporatwon'], typedLegal), [false, true]);
  assert.deepEqual(legal(['limited', 'liability', 'partnrship', 'orvantek'], typedLegal), [
    true,
    true,
    true,
    false,
  ]);
  // The lists' own spelling is kept, and a short form is not guessed at ("Ltf" is not "Ltd").
  assert.deepEqual(legal(['united', 'corporatwon']), [false, false]);
  assert.deepEqual(legal(['kelso', 'ltf'], typedLegal), [false, false]);
  const h = index.search({ name: 'LIMITED LIABILITY PARTNRSHIP ORVANTEK' }).find((x) => x.entryId === 'T10');
  assert.equal(h?.band, 'block', `${h?.score} ${h?.evidence.name.detail}`);
  // A word a list uses as a name's own word is that word: "Corporacion" (one edit from "corporation") stays.
  const own = index.search({ name: 'LLC Corporacion Velmora' }).find((x) => x.entryId === 'T11');
  assert.equal(own?.band, 'block', `${own?.score} ${own?.evidence.name.detail}`);
});
