import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding, ScreenRequest } from '../../src/contract/screening-types.ts';
import { loadControlLists } from '../../src/goods/index.ts';
import { markLicensed } from '../../src/licences/apply-licences.ts';
import { licenceRecord } from './fixtures.ts';

// EAR Supp. No. 4 to Part 746 is a licence requirement (§746.8(a)(5)), reported as block: a BIS licence for the
// goods lifts it, an EU authorisation does not (REGIME_COVERS in src/licences/licence-match.ts).
const { rules } = await loadControlLists();
const CHAPTER_84 = rules.find((r) => r.id === 'us-746-supp-4:HS:84');

const REQ: ScreenRequest = {
  parties: [{ kind: 'organization', role: 'consignee', name: 'OOO Example Machines' }],
  goods: [{ code: '8471.30', originCountry: 'US', quantity: 5 }],
  route: { destination: 'RU' },
};

const FINDING: Finding = {
  id: 'goods_control:0:us-746-supp-4:HS:84',
  kind: 'goods_control',
  severity: 'block',
  goodsIndex: 0,
  source: 'us-746-supp-4',
  entry: { id: 'us-746-supp-4:HS:84', name: 'HS 84' },
  reason: 'HS 8471.30 (under HS chapter 84) is listed in 15 CFR Part 746 Supp. No. 4 (EAR)',
};

const licence = (regime: 'US' | 'EU', authority: string) =>
  licenceRecord({
    regime,
    authority,
    number: `${authority}-1`,
    goods: [{ code: '8471' }],
    destination: 'RU',
    consignee: 'OOO Example Machines',
  });

const mark = (l: ReturnType<typeof licence>) =>
  markLicensed(
    { req: REQ, date: '2026-06-01', findings: [FINDING], ruleOf: (id) => rules.find((r) => r.id === id) },
    [l],
  )[0];

describe('a licence against an EAR Supp. No. 4 finding', () => {
  test('the shipped chapter-84 row is a US rule', () => {
    assert.equal(CHAPTER_84?.jurisdiction, 'US');
  });

  test('a BIS licence for the goods marks the finding licensed', () => {
    assert.equal(mark(licence('US', 'BIS'))?.licensed?.number, 'BIS-1');
  });

  test('an EU authorisation for the same goods does not, and says why', () => {
    const f = mark(licence('EU', 'BAFA'));
    assert.equal(f?.licensed, undefined);
    assert.match(
      f?.licenceChecks?.[0]?.reason ?? '',
      /issued under the EU regime and does not cover a US control/,
    );
  });
});
