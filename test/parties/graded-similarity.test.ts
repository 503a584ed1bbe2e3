import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editSimilarity, linkSimilarity } from '../../src/parties/edit-distance.ts';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { skeleton } from '../../src/parties/skeleton.ts';
import { lightFold, skeletonEqualSim, spellingKind } from '../../src/parties/spelling.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, "What goes wrong" 1 and 7: a token equal only after phonetic folding must not score like an exact
// token, and a one-letter typo in a short word is a graded, low similarity rather than a refusal or a match.
const index = buildIndex([
  mk('G1', 'TIMCHENKO, Gennadiy', { kind: 'person' }),
  mk('G2', 'MIKRANOVO'),
  mk('G3', 'EX-CLE C.A.'),
  mk('G4', 'INTER'),
  ...filler(),
]);
const hit = (name: string, id: string): Hit => {
  const h = index.search({ name }, { minScore: 0, limit: 50 }).find((x) => x.entryId === id);
  assert.ok(h, `${name} should find ${id}`);
  return h;
};

test('the light fold keeps what romanisation systems never trade and folds what they do', () => {
  assert.equal(lightFold('gennadij'), lightFold('gennadiy'));
  assert.equal(lightFold('khristoforovich'), lightFold('hristoforovich'));
  assert.equal(lightFold('wladimir'), lightFold('vladimir'));
  assert.notEqual(lightFold('mikran'), lightFold('micran'));
  assert.notEqual(lightFold('cgi'), lightFold('kgi'));
  // Both pairs share a skeleton: the scorer's other key is what tells them apart.
  assert.equal(skeleton('mikran'), skeleton('micran'));
});

test('similarity by kind: exact > transliteration > sound-alike, and a short word must be spelled exactly', () => {
  for (const len of [3, 5, 9]) {
    assert.ok(skeletonEqualSim('translit', len) < 1);
    assert.ok(skeletonEqualSim('phonetic', len) < skeletonEqualSim('translit', len));
  }
  assert.ok(skeletonEqualSim('phonetic', 3) < skeletonEqualSim('phonetic', 9));
  assert.equal(spellingKind(5, 5), 'translit');
  assert.equal(spellingKind(5, 6), 'phonetic');
  assert.equal(spellingKind(0, 6), 'translit', 'a romanised word trades c/k as its romaniser chose');
});

test('edit distance is scaled by length: short words pay more for one edit, 3 letters need equality', () => {
  assert.equal(linkSimilarity('cgi', 'kgi'), 0);
  const short = linkSimilarity('intel', 'inter');
  const long = linkSimilarity('timchenko', 'timchenco');
  assert.ok(short > 0 && short < 0.8, `intel/inter ${short}`);
  assert.ok(long > short, `${long} > ${short}`);
  assert.ok(editSimilarity(1, 'nitel', 'intel') < short, 'a changed first letter costs extra');
});

test('an exact name scores 1, a transliteration variant just below, a sound-alike at review', () => {
  assert.equal(hit('Gennadiy Timchenko', 'G1').evidence.name.score, 1);
  const translit = hit('Gennadij Timchenko', 'G1');
  assert.ok(translit.evidence.name.score! < 1 && translit.band === 'block', `${translit.score}`);
  assert.match(
    translit.evidence.name.detail,
    /gennadij≈gennadiy \(translit 0\.98\), timchenko=timchenko \(exact\)/,
  );
  const phonetic = hit('Micranovo', 'G2');
  assert.equal(phonetic.band, 'review', `${phonetic.score}`);
  assert.match(phonetic.evidence.name.detail, /micranovo≈mikranovo \(phonetic 0\.9\)/);
});

test('a name romanised from another script counts c/k and x/ks as transliteration', () => {
  const h = hit('ЕКС-КЛЕ К.А.', 'G3');
  assert.match(h.evidence.name.detail, /eks≈ex \(translit/);
  assert.notEqual(h.band, 'below', `${h.score}`);
});

test('"Intel" against "INTER": a graded, low similarity, not a hit', () => {
  const h = hit('Intel', 'G4');
  assert.equal(h.band, 'below');
  assert.ok(h.evidence.name.score! > 0.5, `${h.evidence.name.score}`);
  assert.match(h.evidence.name.detail, /intel~inter \(edit 0\.7\d\)/);
});
