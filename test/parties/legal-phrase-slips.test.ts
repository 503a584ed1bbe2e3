import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex } from '../../src/parties/index.ts';
import { markLegalForms, typedLegal } from '../../src/parties/legal-forms.ts';
import { skeleton } from '../../src/parties/skeleton.ts';
import { filler, mk } from './fixtures.ts';

// A slip in one word of a legal phrase (legal-forms.ts typedLegal, FUZZY_PHRASE_CHARS). Invented names only.
const index = buildIndex([mk('V4', 'JOINT STOCK COMPANY VARDELSKA ORBITAL'), ...filler()]);

test('a slip in one word of a legal phrase reads as the phrase, only where the whole phrase reads', () => {
  const legal = (words: string[]) => markLegalForms(words.map(skeleton), typedLegal);
  assert.deepEqual(legal(['joint', 'smock', 'company', 'vardelska']), [true, true, true, false]);
  assert.deepEqual(legal(['open', 'joint', 'stocg', 'company', 'vardelska']), [
    true,
    true,
    true,
    true,
    false,
  ]);
  const h = index.search({ name: 'JOINT SMOCK COMPANY VARDELSKA ORBITAL' }).find((x) => x.entryId === 'V4');
  assert.equal(h?.band, 'block', `${h?.score} ${h?.evidence.name.detail}`);
});

test('a word near a phrase word stays a word outside the phrase', () => {
  const legal = (words: string[]) => markLegalForms(words.map(skeleton), typedLegal);
  // "Smock" alone, or before another name, is the name's own word.
  assert.deepEqual(legal(['smock', 'vardelska']), [false, false]);
  assert.deepEqual(legal(['vardelska', 'smock', 'company']), [false, false, true]);
  // A word under seven letters is read only as a phrase's word, never as a legal form alone ("Compny").
  assert.notEqual(typedLegal(skeleton('compny')), skeleton('company'));
  assert.deepEqual(legal(['vardelska', 'compny']), [false, false]);
});
