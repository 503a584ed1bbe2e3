import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndexData } from '../../src/parties/build-index.ts';
import { indexOver } from '../../src/parties/match-index.ts';
import { filler, mk, typoLinkSim } from './fixtures.ts';

// A changed vowel that moves the skeleton's folds (typo-links.ts). Invented names only.
const d = buildIndexData([
  mk('V1', 'ZORVEK MISSILE COMMAND'),
  mk('V2', 'VELMARO ESCOBRIN, Tadeo', { kind: 'person' }),
  mk('V3', 'KOURFALE TRADING'),
  ...filler(),
]);
const index = indexOver(d);
const linked = (typed: string, listed: string) => typoLinkSim(d, typed, listed);

test('one vowel changed next to a fold links to the word it stands for, graded as one edit', () => {
  for (const [typed, listed] of [
    ['cemmand', 'command'], // the c before it turns soft: "cemand" against "komand"
    ['escebrin', 'escobrin'], // the same inside a word
    ['kaurfale', 'kourfale'], // "ou" folds to u, "au" does not
  ]) {
    const sim = linked(typed!, listed!);
    assert.ok(sim > 0.6 && sim < 0.9, `${typed} → ${listed}: ${sim}`);
  }
  const h = index.search({ name: 'ZORVEK MISSILE CEMMAND' }).find((x) => x.entryId === 'V1');
  assert.equal(h?.band, 'review', `${h?.score} ${h?.evidence.name.detail}`);
});

test('two vowels changed, or the first letter, are not one slip', () => {
  assert.equal(linked('cemmend', 'command'), 0);
  assert.equal(linked('escebran', 'escobrin'), 0);
  // The first letter is never repaired ("Ascobrin" is not "Escobrin").
  assert.equal(linked('ascobrin', 'escobrin'), 0);
});
