import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';
import { assertSameReviewHits } from './recall-check.ts';

// Arabic compound names joined by the article, written as three words, hyphenated or as one word. Invented
// persons (the compounds themselves are ordinary Arabic given names).
const index = buildIndex([
  mk('A1', "'ABD-AL-WAHID, Sa'd Zayn-al-'Abidin", { kind: 'person' }),
  mk('A2', 'QARAWASH, Nur al-Din', { kind: 'person' }),
  mk('A3', 'Abdulkarim TUFAYLAT', { kind: 'person' }),
  mk('A4', 'AL-MANSUR TRADING'),
  ...filler(),
]);
const find = (name: string, id: string): Hit | undefined =>
  index.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('a listed compound of three words is found typed as one word, hyphens dropped or spoken vowels', () => {
  for (const name of ['ABDALWAHID, Sad Zaynalabidin', 'Sa’d Zainalabidin Abdulwahid']) {
    const h = find(name, 'A1');
    assert.ok(h && h.band !== 'below', `${name}: ${h?.score} ${h?.evidence.name.detail}`);
  }
  const nur = find('Nureddin Qarawash', 'A2');
  assert.ok(nur && nur.band !== 'below', `${nur?.score} ${nur?.evidence.name.detail}`);
  assert.match(nur.evidence.name.detail, /nureddin=nur\+al\+din \(glued/);
});

test('three words typed for a listed one-word compound', () => {
  const h = find('Abd al-Karim Tufaylat', 'A3');
  assert.ok(h && h.band !== 'below', `${h?.score} ${h?.evidence.name.detail}`);
});

test('the article alone glues nothing: "Al-Mansur" is not a compound', () => {
  assert.doesNotMatch(find('Almansurtrading', 'A4')?.evidence.name.detail ?? '', /\+al\+/);
  assertSameReviewHits(index, [{ name: 'Nureddin Qarawash' }, { name: 'Abd al-Karim Tufaylat' }]);
});
