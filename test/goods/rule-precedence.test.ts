import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ControlRule, explainCode, screenGoods, type TariffRule } from '../../src/goods/index.ts';

function tariff(code: string, over: Partial<TariffRule> = {}): TariffRule {
  const kind = over.kind ?? 'control';
  return {
    id: `test:${over.codeSystem ?? 'HS'}:${code}:${kind}`,
    list: 'test-annex',
    kind,
    jurisdiction: 'EU',
    description: `test rule on ${code}`,
    legalBasis: { act: 'Test Act', provision: 'Annex T', inForce: '2020-01-01' },
    citation: 'Test Act Annex T',
    sourceUrl: 'https://example.org/test',
    subject: 'tariff',
    codeSystem: 'HS',
    code,
    ...over,
  };
}

const decided = (
  rules: ControlRule[],
  code: string,
  date = '2024-01-01',
  system?: 'CN' | 'HTS' | 'TARIC',
) => {
  const result = explainCode(code, date, rules, system);
  assert.ok(result.ok);
  return result.explanation.decisions;
};

describe('hierarchy-aware prefix matching', () => {
  const heading = [tariff('8542')];

  for (const code of ['854231', '85423190', '8542319000']) {
    it(`a heading rule on 8542 covers ${code}`, () => {
      assert.deepEqual(decided(heading, code), [
        { list: 'test-annex', ruleId: heading[0]!.id, outcome: 'controlled' },
      ]);
    });
  }

  it('does not cover a sibling heading', () => {
    assert.deepEqual(decided(heading, '854370'), []);
  });

  it('an exception on a longer code overrides the heading, and explainCode says who won', () => {
    const rules = [tariff('8542'), tariff('854231', { kind: 'exception' })];
    const result = explainCode('8542.31.90', '2024-01-01', rules);
    assert.ok(result.ok);
    assert.deepEqual(
      result.explanation.decisions.map((d) => d.outcome),
      ['exempt'],
    );
    const heading = result.explanation.rules.find((m) => m.rule.code === '8542');
    assert.equal(heading?.status, 'overridden');
    assert.equal(heading?.decidedBy, rules[1]!.id);
    const screened = screenGoods(
      [{ code: '85423190' }],
      { destination: 'RS', transit: [] },
      '2024-01-01',
      rules,
    );
    assert.deepEqual(screened.findings, []);
    const sibling = screenGoods(
      [{ code: '85423290' }],
      { destination: 'RS', transit: [] },
      '2024-01-01',
      rules,
    );
    assert.equal(sibling.findings.length, 1);
  });

  it('a control deeper than the exception controls again', () => {
    const rules = [
      tariff('8542'),
      tariff('854231', { kind: 'exception' }),
      tariff('85423190', { codeSystem: 'CN' }),
    ];
    assert.deepEqual(
      decided(rules, '85423190', '2024-01-01', 'CN').map((d) => d.outcome),
      ['controlled'],
    );
  });

  it('at equal depth the control wins over the exception', () => {
    const rules = [tariff('854231', { kind: 'exception' }), tariff('854231')];
    assert.deepEqual(
      decided(rules, '854231').map((d) => d.outcome),
      ['controlled'],
    );
  });

  it('an exception in one list does not clear goods another list controls', () => {
    const rules = [
      tariff('8542', { list: 'other-annex', id: 'other' }),
      tariff('854231', { kind: 'exception' }),
    ];
    assert.deepEqual(
      decided(rules, '854231').map((d) => `${d.list}:${d.outcome}`),
      ['other-annex:controlled', 'test-annex:exempt'],
    );
  });

  it('a CN rule covers TARIC codes but not US HTS codes with the same digits', () => {
    const rules = [tariff('85423190', { codeSystem: 'CN' })];
    assert.equal(decided(rules, '8542319000', '2024-01-01', 'TARIC').length, 1);
    assert.equal(decided(rules, '8542319000', '2024-01-01', 'HTS').length, 0);
  });
});

describe('rules are filtered by the transaction date', () => {
  const future = tariff('8542', { legalBasis: { act: 'T', provision: 'A', inForce: '2025-01-01' } });
  const expired = tariff('8543', {
    legalBasis: { act: 'T', provision: 'A', inForce: '2020-01-01', until: '2023-12-31' },
  });
  const route = { destination: 'RU', transit: [] };

  // Goods to Russia also get list_coverage reviews for the prohibition tables not loaded: count the rule's own.
  const controls = (date: string, code: string, rules: ControlRule[]) =>
    screenGoods([{ code }], route, date, rules).findings.filter((f) => f.kind === 'goods_control').length;

  it('a rule not yet in force does not apply, and applies from its first day', () => {
    assert.equal(controls('2024-12-31', '854231', [future]), 0);
    assert.equal(controls('2025-01-01', '854231', [future]), 1);
  });

  it('an expired rule does not apply, and applies on its last day', () => {
    assert.equal(controls('2024-01-01', '854370', [expired]), 0);
    assert.equal(controls('2023-12-31', '854370', [expired]), 1);
  });

  it('explainCode still lists a rule out of force, marked as such', () => {
    const result = explainCode('854231', '2024-06-01', [future]);
    assert.ok(result.ok);
    assert.deepEqual(
      result.explanation.rules.map((m) => m.status),
      ['not-in-force'],
    );
    assert.deepEqual(result.explanation.decisions, []);
  });
});
