import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex } from '../../src/parties/index.ts';
import { tripleGlueKeys } from '../../src/parties/triple-glue.ts';
import { filler, mk } from './fixtures.ts';

// A word typed with two spaces inside it (triple-glue.ts). Hand-written fixtures.
const P = { kind: 'person' as const };
const index = buildIndex([mk('N1', 'Nikolai Platonovich Patrushev', P), ...filler()]);
const band = (name: string) =>
  index.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === 'N1')?.band ??
  'none';
const alerts = (b: string) => b === 'review' || b === 'block';

test('three short pieces glued meet the listed word they spell', () => {
  assert.deepEqual(
    tripleGlueKeys(['plat', 'ono', 'vich'], [0, 0, 0]).map((g) => g.mask),
    [7],
  );
  assert.ok(alerts(band('Nikolai Plat Ono Vich Patrushev')), band('Nikolai Plat Ono Vich Patrushev'));
});

test('long pieces, short glued words and a slip on top of two breaks are not read as one word', () => {
  assert.deepEqual(tripleGlueKeys(['platon', 'ovi', 'ch'], [0, 0, 0]), []);
  assert.deepEqual(tripleGlueKeys(['al', 'ba', 'ki'], [0, 0, 0]), []);
  assert.ok(!alerts(band('Nikolai Plat Ono Vick Patrushev')), band('Nikolai Plat Ono Vick Patrushev'));
});
