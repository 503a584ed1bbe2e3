import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { typedLegal } from '../../src/parties/legal-forms.ts';
import { skeleton } from '../../src/parties/skeleton.ts';
import { filler, mk } from './fixtures.ts';

// An organisation's name whose every word is only a short word's slip away, and 7-letter legal forms typed with a
// slip. Invented names only.
const index = buildIndex([mk('T1', 'VELKAN ORBITO LLC'), mk('T2', 'KORVANTEX MARINE COMPANY'), ...filler()]);
const find = (name: string, id: string): Hit | undefined =>
  index.search({ name }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);
const band = (h: Hit | undefined) => h?.band ?? 'below';

test('every word a slip in a short word away: another name, below review, and the explanation says so', () => {
  const h = find('VELKAR ORBITE', 'T1');
  assert.equal(band(h), 'below', `${h?.score} ${h?.evidence.name.detail}`);
  assert.match(h?.evidence.name.detail ?? '', /every word only a slip/);
  // One slip, the other word the same: still found.
  assert.notEqual(band(find('VELKAN ORBITE', 'T1')), 'below');
});

test('Company and Limited typed with a slip read as the legal form; shorter words do not', () => {
  assert.equal(typedLegal(skeleton('compony')), typedLegal(skeleton('company')));
  assert.equal(typedLegal(skeleton('limeted')), skeleton('limited'));
  assert.equal(typedLegal(skeleton('comply')), skeleton('comply'));
  const h = find('KORVANTEX MARINE COMPONY', 'T2');
  assert.equal(band(h), 'block', `${h?.score} ${h?.evidence.name.detail}`);
});
