import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../src/contract/screening-types.ts';
import { DEFAULT_POLICY, type Policy } from '../../src/policy/policy.ts';
import { decide } from '../../src/screening/decide.ts';

const LICENCE = { licenceId: 'lic_1', number: 'EXP-1', authority: 'Invented authority', regime: 'EU' };
const policy: Policy = { ...DEFAULT_POLICY, version: 1 };
const f = (kind: Finding['kind'], severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
  id: `${kind}:${severity}`,
  kind,
  severity,
  reason: 'invented',
  ...extra,
});

describe('decide (pure)', () => {
  test('no findings, or only info → clear; the most severe finding decides', () => {
    assert.equal(decide([], policy), 'clear');
    assert.equal(decide([f('list_coverage', 'info')], policy), 'clear');
    assert.equal(decide([f('party_match', 'review'), f('list_coverage', 'info')], policy), 'review');
    assert.equal(decide([f('party_match', 'review'), f('goods_control', 'block')], policy), 'block');
  });

  test('a block of a kind the policy does not let block is lowered to review', () => {
    const partiesOnlyReview: Policy = { ...policy, blockingKinds: ['goods_control'] };
    assert.equal(decide([f('party_match', 'block')], partiesOnlyReview), 'review');
    assert.equal(decide([f('goods_control', 'block')], partiesOnlyReview), 'block');
  });

  test('a missing list may always block, whatever the blocking kinds', () => {
    assert.equal(decide([f('list_coverage', 'block')], { ...policy, blockingKinds: [] }), 'block');
  });

  test('a suppressed or a licensed finding never raises the decision', () => {
    const suppressed = { by: 'key_1', at: '2026-01-01T00:00:00.000Z', note: 'cleared' };
    assert.equal(decide([f('party_match', 'block', { suppressed })], policy), 'clear');
    assert.equal(decide([f('goods_control', 'block', { licensed: LICENCE })], policy), 'clear');
    assert.equal(
      decide(
        [f('party_match', 'block', { suppressed }), f('party_match', 'review', { id: 'other' })],
        policy,
      ),
      'review',
    );
  });
});
