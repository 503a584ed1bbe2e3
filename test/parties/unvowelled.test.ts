import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit, type PartyQuery } from '../../src/parties/index.ts';
import { unvowelledForms } from '../../src/parties/unvowelled.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19: a list writes a person in Arabic script only ("طارق بن الطاھر …" on the UK list), which the romaniser
// reads without short vowels ("tarq bn al tahr"), and a customer types the Latin name. Invented names built that
// way: Samir bin al-Tahir al-Awni, with heh typed as the Urdu heh doachashmee (ھ) as that entry does.
const person = { kind: 'person' as const };
const index = buildIndex([
  mk('SCRIPT', 'سامر بن الطاھر العوني', person),
  mk('LATIN', 'TARQ MANSOURI', person),
  mk('SHORT', 'طارق', person),
  ...filler(),
]);

const hitOf = (q: PartyQuery, id: string): Hit | undefined =>
  index.search(q, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('a Latin name meets its Arabic-script listing whose romanisation lacks the short vowels', () => {
  const h = hitOf({ name: 'Samir bin al-Tahir al-Awni', ...person }, 'SCRIPT');
  const detail = h?.evidence.name?.detail ?? '';
  assert.match(detail, /samir≈samr \(unvowelled 0\.9\)/);
  assert.match(detail, /tahir≈tahr \(unvowelled 0\.9\)/, 'heh doachashmee is read h');
  assert.match(detail, /awni≈uni \(unvowelled 0\.9\)/, 'the diphthong aw is written with waw');
  assert.ok(h && h.band !== 'below', `${h?.score} ${detail}`);
});

test('only vowels may be missing, and only from a word romanised from another script', () => {
  // Forms of skeletons (q is k, w is v there).
  assert.ok(unvowelledForms('tarik').includes('tark'));
  assert.ok(unvowelledForms('avni').includes('uni'), 'the diphthong aw is written with waw');
  assert.ok(!unvowelledForms('vani').includes('uni'), 'a w before a vowel is a consonant, not a diphthong');
  assert.deepEqual(unvowelledForms('ali'), [], 'one consonant left is any short name');
  // A Latin list spelling without the vowel is a misspelling, graded as an edit.
  const latin = hitOf({ name: 'Tariq Mansouri', ...person }, 'LATIN');
  assert.match(latin?.evidence.name?.detail ?? '', /tariq~tarq \(edit/);
  // One word in script: Tariq is found at review; Tarif, a consonant changed, is another name and stays quiet.
  assert.equal(hitOf({ name: 'Tariq', ...person }, 'SHORT')?.band, 'review');
  const other = hitOf({ name: 'Tarif', ...person }, 'SHORT');
  assert.equal(other?.band ?? 'below', 'below', `${other?.score} ${other?.evidence.name?.detail}`);
});
