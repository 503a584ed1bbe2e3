import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ListVersionRef } from '../../src/contract/screening-types.ts';
import { DEFAULT_POLICY } from '../../src/policy/policy.ts';
import { coverageFloor, type ListKind } from '../../src/screening/coverage-floor.ts';
import { decide } from '../../src/screening/decide.ts';

const KINDS: Record<string, ListKind> = {
  'us-ofac-sdn': 'sanctions',
  'un-sc': 'sanctions',
  chpl: 'export_control',
  embargoes: 'export_control',
};
const kindOf = (id: string) => KINDS[id] ?? 'sanctions';
const ref = (source: string, status: ListVersionRef['status']): ListVersionRef =>
  status === 'used' ? { source, status, version: 1, publishedAt: null } : { source, status };
const ids = (refs: ListVersionRef[], goodsScreened = false) =>
  coverageFloor({ refs, kindOf, goodsScreened }).map((f) => f.id);
// The most lenient policy the contract allows: nothing but list_coverage may block, absent lists only review.
const lenient = { ...DEFAULT_POLICY, blockingKinds: [], version: 1 };

describe('coverageFloor', () => {
  test('every kind of list answered → no finding', () => {
    assert.deepEqual(
      ids([ref('us-ofac-sdn', 'used'), ref('un-sc', 'excluded'), ref('chpl', 'used')], true),
      [],
    );
  });

  test('every sanctions list excluded → one review finding naming them, and the decision is review', () => {
    const findings = coverageFloor({
      refs: [ref('us-ofac-sdn', 'excluded'), ref('un-sc', 'excluded'), ref('chpl', 'used')],
      kindOf,
      goodsScreened: false,
    });
    assert.deepEqual(
      findings.map((f) => [f.id, f.kind, f.severity]),
      [['list_coverage:no-sanctions-list', 'list_coverage', 'review']],
    );
    assert.match(findings[0]!.reason, /excluded by the request: us-ofac-sdn, un-sc/);
    assert.equal(decide(findings, lenient), 'review');
  });

  test('sanctions lists never loaded (or one excluded, the other absent) → the floor holds too', () => {
    assert.deepEqual(ids([ref('us-ofac-sdn', 'absent'), ref('un-sc', 'absent')]), [
      'list_coverage:no-sanctions-list',
    ]);
    const mixed = coverageFloor({
      refs: [ref('us-ofac-sdn', 'excluded'), ref('un-sc', 'absent')],
      kindOf,
      goodsScreened: false,
    });
    assert.match(mixed[0]!.reason, /excluded by the request: us-ofac-sdn; never loaded: un-sc/);
  });

  test('no sanctions list configured at all (an empty as-of snapshot) → the floor holds', () => {
    const findings = coverageFloor({ refs: [], kindOf, goodsScreened: true });
    assert.deepEqual(
      findings.map((f) => f.id),
      ['list_coverage:no-sanctions-list', 'list_coverage:no-export-control-list'],
    );
    assert.match(findings[0]!.reason, /none is configured/);
  });

  test('goods screened with every export-control list excluded → review; without goods or route, no goods finding', () => {
    const refs = [ref('us-ofac-sdn', 'used'), ref('chpl', 'excluded'), ref('embargoes', 'excluded')];
    assert.deepEqual(ids(refs, true), ['list_coverage:no-export-control-list']);
    assert.deepEqual(ids(refs, false), []);
  });

  test('only export-control lists answered → still no sanctions screening', () => {
    const onlyControl = [ref('chpl', 'used'), ref('embargoes', 'used')];
    assert.deepEqual(ids(onlyControl), ['list_coverage:no-sanctions-list']);
  });
});
