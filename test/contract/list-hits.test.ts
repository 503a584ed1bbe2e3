import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hitSources, isListHit } from '../../src/contract/list-hits.ts';
import type { Finding } from '../../src/contract/screening-types.ts';

const entry = { id: 'E-1', name: 'LISTED TRADING LLC' };
const match = (source: string, more: Partial<Finding> = {}): Finding => ({
  id: `party:0:${source}:E-1`,
  kind: 'party_match',
  severity: 'review',
  source,
  entry,
  reason: 'matches',
  ...more,
});

test('a hit names the entry it matched and is for the officer', () => {
  assert.equal(isListHit(match('us-ofac-sdn')), true);
  assert.equal(isListHit(match('us-ofac-sdn', { severity: 'block' })), true);
  assert.equal(isListHit(match('chpl', { kind: 'goods_control' })), true);
  assert.equal(isListHit(match('us-ofac-sdn', { severity: 'info' })), false);
  assert.equal(
    isListHit(match('un-sc', { suppressed: { by: 'k', at: '2026-12-01T00:00:00Z', note: 'n' } })),
    false,
  );
  const licensed = { licenceId: 'l-1', number: 'DE-2026-1', authority: 'BAFA', regime: 'EU' };
  assert.equal(isListHit(match('dual-use', { kind: 'goods_control', licensed })), false);
  assert.equal(isListHit({ ...match('un-sc'), entry: undefined }), false);
});

test("a list's coverage note is never a hit: stale, absent, or the goods engine's with a rule", () => {
  const stale: Finding = {
    id: 'list_coverage:un-sc:stale',
    kind: 'list_coverage',
    severity: 'info',
    source: 'un-sc',
    reason: 'stale',
  };
  const absent: Finding = { ...stale, id: 'list_coverage:eu-fsf', severity: 'review', source: 'eu-fsf' };
  const goods = match('us-746-supp-4', {
    kind: 'list_coverage',
    entry: { id: 'coverage:us-746-supp-4', name: '8542' },
  });
  assert.deepEqual([stale, absent, goods].map(isListHit), [false, false, false]);
  assert.deepEqual(
    hitSources([
      stale,
      match('us-ofac-sdn'),
      goods,
      match('chpl', { kind: 'goods_control' }),
      match('us-ofac-sdn'),
    ]),
    ['us-ofac-sdn', 'chpl'],
  );
});
