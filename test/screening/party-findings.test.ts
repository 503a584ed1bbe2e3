import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Party } from '../../src/contract/screening-types.ts';
import { buildIndex, MAX_QUERY_NAMES } from '../../src/parties/index.ts';
import { partyFindings } from '../../src/screening/party-findings.ts';
import { filler, mk } from '../parties/fixtures.ts';

const index = buildIndex([
  mk('E1', 'OOO BITTERIYA', { countries: ['RU'], programs: ['RUSSIA-EO14024'] }),
  mk('E2', 'ZEPHYR ORCHID HOLDINGS', { source: 'other-list' }),
  ...filler(),
]);
const party = (name: string, extra: Partial<Party> = {}): Party => ({
  name,
  role: 'customer',
  kind: 'organization',
  ...extra,
});
const opts = {
  reviewThreshold: 0.8,
  blockThreshold: 0.95,
  sourceAllowed: () => true,
  sourceTitle: (id: string) => `${id} title`,
};

describe('partyFindings (pure)', () => {
  test('an exact name → a block finding with entry, evidence, reason and legal basis', () => {
    const [f, ...rest] = partyFindings(index, [party('OOO BITTERIYA', { role: 'consignee' })], opts);
    assert.equal(rest.length, 0);
    assert.equal(f?.kind, 'party_match');
    assert.equal(f?.severity, 'block');
    assert.equal(f?.id, 'party:0:test-list:E1');
    assert.equal(f?.partyIndex, 0);
    assert.equal(f?.entry?.id, 'E1');
    assert.deepEqual(f?.entry?.programs, ['RUSSIA-EO14024']);
    assert.ok(f?.explanation?.some((e) => e.part === 'name'));
    assert.match(
      f?.reason ?? '',
      /^Consignee “OOO BITTERIYA” matches “OOO BITTERIYA” on the test-list title/,
    );
    assert.equal(f?.legalBasis?.provision, 'RUSSIA-EO14024');
  });

  test('a score between the thresholds is review; above a raised block threshold it is no longer block', () => {
    const [f] = partyFindings(index, [party('OOO BITTERIYA')], { ...opts, blockThreshold: 1.01 });
    assert.equal(f?.severity, 'review');
  });

  test('a source the request does not allow gives no finding; an unrelated name gives none', () => {
    const parties = [party('ZEPHYR ORCHID HOLDINGS')];
    assert.equal(partyFindings(index, parties, opts).length, 1);
    assert.equal(
      partyFindings(index, parties, { ...opts, sourceAllowed: (s) => s !== 'other-list' }).length,
      0,
    );
    assert.equal(partyFindings(index, [party('Harmless Bakery of Ljubljana')], opts).length, 0);
  });

  test('more names than are matched → what was matched, plus screening_incomplete for that party', () => {
    const aliases = Array.from({ length: MAX_QUERY_NAMES }, (_, i) => `Invented Alias Number ${i}`);
    const found = partyFindings(index, [party('Plain Name Ltd'), party('OOO BITTERIYA', { aliases })], opts);
    const incomplete = found.filter((f) => f.kind === 'screening_incomplete');
    assert.deepEqual(
      incomplete.map((f) => [f.partyIndex, f.severity]),
      [[1, 'review']],
    );
    assert.ok(found.some((f) => f.kind === 'party_match' && f.partyIndex === 1));
  });
});
