import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pathologicalNames } from '../../bench/support/pathological-names.ts';
import type { Party } from '../../src/contract/screening-types.ts';
import { buildIndex, CpuBudget } from '../../src/parties/index.ts';
import { type PartyScreenOptions, partyFindings } from '../../src/screening/party-findings.ts';
import { filler, mk } from '../parties/fixtures.ts';

const index = buildIndex([...filler(), mk('E1', 'OOO BITTERIYA', { countries: ['RU'] })]);
const options = (o: Partial<PartyScreenOptions>): PartyScreenOptions => ({
  reviewThreshold: 0.8,
  blockThreshold: 0.95,
  sourceAllowed: () => true,
  sourceTitle: (s) => s,
  ...o,
});
const hangul = pathologicalNames('hangul, unspaced', 21, 7);
const parties: Party[] = [
  { role: 'consignee', kind: 'unknown', name: hangul[0]!, aliases: hangul.slice(1) },
  { role: 'consignee', kind: 'organization', name: 'OOO Bitteriya' },
];

describe('CpuBudget.share: one party’s share of a screening’s budget', () => {
  test('counts only from startShare(), then is spent on its own while the screening’s budget is not', () => {
    const evaluation = new CpuBudget(60_000);
    const share = evaluation.share(0);
    assert.equal(share.spent(), false);
    share.startShare();
    assert.equal(share.spent(), true);
    assert.equal(evaluation.spent(), false);
  });

  test('counts from the party’s start, so a slow first name leaves its aliases only what is left', () => {
    const share = new CpuBudget(60_000).share(5);
    const start = performance.now();
    while (performance.now() < start + 6); // the first name's matching, longer than the whole share
    assert.equal(share.spent(), false, 'the first name itself is never cut by the share');
    share.startShare();
    assert.equal(share.spent(), true);
  });

  test('gives the aliases at least the floor after a first name that used the whole share', () => {
    const share = new CpuBudget(60_000).share(0, 60_000);
    share.startShare();
    assert.equal(share.spent(), false);
  });

  test('is spent whenever the screening’s budget is, started or not', () => {
    const evaluation = new CpuBudget(0);
    assert.equal(evaluation.share(60_000).spent(), true);
  });
});

describe('partyFindings with a per-party share', () => {
  test('with time to spare, the listed party after a pathological one is found and nothing is incomplete', () => {
    const findings = partyFindings(index, parties, options({ cpuBudgetMs: 60_000, partyBudgetMs: 60_000 }));
    assert.deepEqual(
      findings.filter((f) => f.kind === 'screening_incomplete'),
      [],
    );
    assert.ok(findings.some((f) => f.kind === 'party_match' && f.partyIndex === 1));
  });

  test('a spent share cuts a party’s aliases, says so for that party alone, and the next party is still screened in full', () => {
    const findings = partyFindings(index, parties, options({ cpuBudgetMs: 60_000, partyBudgetMs: 0 }));
    const incomplete = findings.filter((f) => f.kind === 'screening_incomplete');
    assert.deepEqual(
      incomplete.map((f) => [f.partyIndex, f.severity]),
      [[0, 'review']],
    );
    assert.match(incomplete[0]!.reason, /share of the time \(0 ms\)/);
    assert.ok(findings.some((f) => f.kind === 'party_match' && f.partyIndex === 1));
  });

  test('a spent screening budget is named as such', () => {
    const findings = partyFindings(index, parties, options({ cpuBudgetMs: 0 }));
    const incomplete = findings.filter((f) => f.kind === 'screening_incomplete');
    assert.equal(incomplete.length, 2);
    for (const f of incomplete) assert.match(f.reason, /screening’s time budget/);
  });
});
