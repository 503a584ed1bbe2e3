import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding, ScreenRequest } from '../../src/contract/screening-types.ts';
import type { ListSnapshot } from '../../src/lists/active/list-snapshot.ts';
import type { ListVersionRow } from '../../src/lists/versions/version-types.ts';
import { buildIndex } from '../../src/parties/index.ts';
import { DEFAULT_POLICY, type Policy } from '../../src/policy/policy.ts';
import { type CaseContext, conclude, screenCase } from '../../src/screening/screen-case.ts';
import { filler, mk } from '../parties/fixtures.ts';

const PUBLISHED = '2026-11-30T00:00:00.000Z';
const version = (sourceId: string): ListVersionRow => ({
  sourceId,
  version: 3,
  status: 'active',
  contentHash: 'invented',
  fetchedAt: PUBLISHED,
  publishedAt: PUBLISHED,
  activatedAt: PUBLISHED,
  deactivatedAt: null,
  counts: { total: 1, byKind: {}, recordsSeen: 1, recordsSkipped: 0 },
  warnings: [],
  quarantineReason: null,
  activatedVia: 'refresh',
  activationReason: null,
});

const policy: Policy = { ...DEFAULT_POLICY, version: 1 };
const snapshot: ListSnapshot = {
  versions: new Map([['test-list', version('test-list')]]),
  partyIndex: buildIndex([mk('E1', 'OOO BITTERIYA', { countries: ['RU'] }), ...filler()]),
  controlItems: new Map(),
  entityCount: 401,
  builtAt: PUBLISHED,
  buildMs: 1,
};
const WATCHLIST = {
  sourceId: 'custom:wl_1',
  name: 'Internal risk',
  index: buildIndex([mk('W1', 'ZEPHYR ORCHID HOLDINGS', { source: 'custom:wl_1' })]),
};
const ctx = (over: Partial<CaseContext> = {}): CaseContext => ({
  snapshot,
  rules: [],
  policy,
  sources: [
    { id: 'test-list', title: 'Test list', kind: 'sanctions' },
    { id: 'never-loaded', title: 'Never loaded list', kind: 'sanctions' },
  ],
  date: '2026-12-01',
  now: Date.parse(PUBLISHED),
  watchlists: [WATCHLIST],
  ...over,
});
const req = (names: string[], options: ScreenRequest['options'] = {}): ScreenRequest => ({
  parties: names.map((name) => ({ name, kind: 'organization', role: 'customer' })),
  options,
});

describe('screenCase (pure)', () => {
  test('party matches, watchlist hits and list coverage, undecided: the decision is conclude’s alone', () => {
    const out = screenCase(req(['OOO BITTERIYA', 'ZEPHYR ORCHID HOLDINGS']), ctx());
    assert.ok(!('decision' in out));
    const ids = out.findings.map((f) => f.id).sort();
    assert.deepEqual(ids, ['list_coverage:never-loaded', 'party:0:test-list:E1', 'party:1:custom:wl_1:W1']);
    const own = out.findings.find((f) => f.source === 'custom:wl_1');
    assert.match(own?.reason ?? '', /on the watchlist “Internal risk”/);
    assert.deepEqual(
      out.listVersions.map((v) => [v.source, v.status]),
      [
        ['test-list', 'used'],
        ['never-loaded', 'absent'],
      ],
    );
  });

  test('a watchlist the request excludes, or does not include, is not searched', () => {
    const ids = (options: ScreenRequest['options']) =>
      screenCase(req(['ZEPHYR ORCHID HOLDINGS'], options), ctx()).findings.map((f) => f.id);
    assert.ok(!ids({ lists: { exclude: ['custom:wl_1'] } }).includes('party:0:custom:wl_1:W1'));
    assert.ok(!ids({ lists: { include: ['test-list'] } }).includes('party:0:custom:wl_1:W1'));
    assert.ok(ids({ lists: { include: ['custom:wl_1'] } }).includes('party:0:custom:wl_1:W1'));
  });

  test('the request’s threshold replaces the policy’s review threshold for every list searched', () => {
    // 0.91 on the shared list and 0.85 on the watchlist: above the policy's 0.8, below a request's 0.95.
    const names = ['OOO BITTERIYA TRADING', 'ZEPHYR ORCHID'];
    const matches = (options: ScreenRequest['options']) =>
      screenCase(req(names, options), ctx())
        .findings.filter((f) => f.kind === 'party_match')
        .map((f) => [f.source, f.severity]);
    assert.deepEqual(matches({}), [
      ['test-list', 'review'],
      ['custom:wl_1', 'review'],
    ]);
    assert.deepEqual(matches({ threshold: 0.95 }), []);
  });
});

describe('conclude (pure)', () => {
  const f = (
    id: string,
    severity: Finding['severity'],
    score?: number,
    extra: Partial<Finding> = {},
  ): Finding => ({
    id,
    kind: 'party_match',
    severity,
    reason: 'invented',
    ...(score === undefined ? {} : { score }),
    ...extra,
  });

  test('most severe first, then the higher score; the input is left as it was', () => {
    const input = [f('i', 'info'), f('r1', 'review', 0.81), f('b', 'block', 0.96), f('r2', 'review', 0.9)];
    const out = conclude(input, policy);
    assert.deepEqual(
      out.findings.map((x) => x.id),
      ['b', 'r2', 'r1', 'i'],
    );
    assert.deepEqual(
      input.map((x) => x.id),
      ['i', 'r1', 'b', 'r2'],
    );
    assert.equal(out.decision, 'block');
  });

  test('the decision counts what suppression left: a suppressed block leaves review', () => {
    const suppressed = { by: 'key_1', at: PUBLISHED, note: 'cleared by an officer' };
    const out = conclude([f('b', 'block', 1, { suppressed }), f('r', 'review', 0.85)], policy);
    assert.equal(out.decision, 'review');
    assert.equal(out.findings[0]?.id, 'b');
  });
});
