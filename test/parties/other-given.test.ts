import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Another middle initial on each side (other-given.ts otherMiddleInitial). Hand-written fixtures.
const P = { kind: 'person' as const };
const index = buildIndex([mk('W1', 'Wilbur W Frostmarsh', P), ...filler()]);
const band = (name: string) =>
  index.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === 'W1')?.band ??
  'none';
const alerts = (b: string) => b === 'review' || b === 'block';

test('the same given and family name with another middle initial is a namesake: below review', () => {
  assert.equal(band('Frostmarsh, Wilbur G.'), 'below');
  assert.equal(band('Wilbur G Frostmarsh'), 'below');
});

test('the same initial, or an initial on one side only, still alerts', () => {
  for (const q of ['Wilbur W. Frostmarsh', 'Wilbur Frostmarsh', 'Frostmarsh, Wilbur W.'])
    assert.ok(alerts(band(q)), `${q}: ${band(q)}`);
});
