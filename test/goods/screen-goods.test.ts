import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GoodsFinding, screenGoods } from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

const DATE = '2024-06-01';
const { rules } = shipped;

function only(findings: GoodsFinding[], severity: string, kind?: string): GoodsFinding[] {
  return findings.filter((f) => f.severity === severity && (kind === undefined || f.kind === kind));
}

describe('screenGoods with the shipped lists', () => {
  for (const code of ['8542.31', '854231', '8542 31 90', '85423190']) {
    it(`blocks ${code} to RU citing CHPL tier 1`, () => {
      const { findings, lineErrors } = screenGoods(
        [{ code }],
        { destination: 'RU', transit: [] },
        DATE,
        rules,
      );
      assert.deepEqual(lineErrors, []);
      const blocks = only(findings, 'block');
      // The CHPL row, the Art. 2a/Annex VII row and EAR Supp. No. 4 (all of chapter 85 since 2023-05-19) list them.
      assert.deepEqual(blocks.map((b) => b.ruleId).sort(), [
        'chpl:HS:854231',
        'eu-833-annex-vii:HS:854231',
        'us-746-supp-4:HS:85',
      ]);
      const ear = blocks.find((b) => b.list === 'us-746-supp-4');
      assert.match(
        ear?.reason ?? '',
        /under HS chapter 85\) is listed in 15 CFR Part 746 Supp\. No\. 4 \(EAR\)/,
      );
      assert.match(ear?.reason ?? '', /exports to RU need a licence under 15 CFR Part 746 Supp\. No\. 4/);
      const block = blocks.find((b) => b.list === 'chpl');
      assert.equal(block?.tier, '1');
      assert.equal(block?.goodsIndex, 0);
      assert.match(
        block?.reason ?? '',
        /Common High Priority List, tier 1; exports to RU are prohibited under Reg\. \(EU\) 833\/2014/,
      );
      assert.match(block?.reason ?? '', /§746\.8/);
    });
  }

  it('asks for review and the Art. 12g clause for 8542.31 RS→RS via MY', () => {
    const route = { origin: 'RS', destination: 'RS', transit: ['MY'] };
    const { findings } = screenGoods([{ code: '8542.31' }], route, DATE, rules);
    assert.equal(only(findings, 'block').length, 0);
    const clause = only(findings, 'info', 'goods_control');
    assert.equal(clause.length, 1);
    assert.match(clause[0]?.reason ?? '', /no re-export to Russia.*Art\. 12g/);
    const review = only(findings, 'review');
    assert.equal(review.length, 1);
    assert.match(review[0]?.reason ?? '', /RS, MY/);
    assert.ok(review[0]?.relatedRuleIds?.includes('diversion-risk:MY:TRADESCREEN'));
  });

  it('still reviews when only the destination (RS) is a diversion risk', () => {
    const { findings } = screenGoods([{ code: '854231' }], { destination: 'RS', transit: [] }, DATE, rules);
    assert.equal(only(findings, 'review', 'route').length, 1);
  });

  it('gives CHPL to a partner country an info without the clause, and no review', () => {
    const { findings } = screenGoods([{ code: '854231' }], { destination: 'JP', transit: [] }, DATE, rules);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity, 'info');
    assert.match(findings[0]?.reason ?? '', /JP is exempt/);
  });

  it('finds nothing for apples to RS', () => {
    const { findings } = screenGoods([{ code: '0808.10' }], { destination: 'RS', transit: [] }, DATE, rules);
    assert.deepEqual(findings, []);
  });

  it('reviews apples to RU as an embargoed destination, without a goods finding', () => {
    const { findings } = screenGoods([{ code: '0808.10' }], { destination: 'RU', transit: [] }, DATE, rules);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.severity === 'review'));
    assert.ok(findings.some((f) => f.kind === 'destination'));
    assert.equal(findings.filter((f) => f.kind === 'goods_control').length, 0);
    // Partial coverage: the unloaded Russia annexes could list apples; the line says so rather than clear.
    assert.ok(findings.some((f) => f.kind === 'list_coverage' && f.goodsIndex === 0));
  });

  it('reviews a payment to Iran with no goods at all, citing each regime', () => {
    const { findings } = screenGoods([], { destination: 'IR', transit: [] }, DATE, rules);
    // 2024: the EU regime is the JCPOA authorisation regime (Reg. 2015/1861), not the full prohibition.
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['embargoes:IR:EU:jcpoa', 'embargoes:IR:US']);
    assert.match(findings.find((f) => f.ruleId === 'embargoes:IR:EU:jcpoa')?.reason ?? '', /267\/2012/);
  });

  it('treats occupied Crimea (UA-43) as embargoed but not the rest of Ukraine', () => {
    const crimea = screenGoods([{ code: '0808.10' }], { destination: 'UA-43', transit: [] }, DATE, rules);
    assert.ok(crimea.findings.some((f) => f.ruleId === 'embargoes:UA-43:EU'));
    assert.ok(crimea.findings.some((f) => f.ruleId === 'embargoes:UA-43:EU:import' && f.severity === 'info'));
    const kyiv = screenGoods([{ code: '0808.10' }], { destination: 'UA', transit: [] }, DATE, rules);
    assert.deepEqual(kyiv.findings, []);
  });

  it('blocks any non-EAR99 ECCN to BY and RU, but not EAR99', () => {
    for (const destination of ['BY', 'RU']) {
      const route = { destination, transit: [] };
      const { findings } = screenGoods(
        [{ controlNumber: '5A992.c' }, { controlNumber: 'EAR99' }],
        route,
        DATE,
        rules,
      );
      const blocks = only(findings, 'block');
      assert.deepEqual(
        blocks.map((f) => [f.goodsIndex, f.ruleId]),
        [[0, 'dual-use:us-ccl']],
      );
      assert.match(blocks[0]?.reason ?? '', /15 CFR §746\.8/);
    }
  });

  it('reviews an EU dual-use number exported outside the EU and blocks it to RU', () => {
    const rs = screenGoods([{ controlNumber: '3A001' }], { destination: 'RS', transit: [] }, DATE, rules);
    assert.ok(only(rs.findings, 'review').some((f) => f.ruleId === 'dual-use:eu-annex-i'));
    const ru = screenGoods([{ controlNumber: '3A001' }], { destination: 'RU', transit: [] }, DATE, rules);
    assert.ok(only(ru.findings, 'block').some((f) => f.ruleId === 'dual-use:eu-annex-i'));
  });

  it('does not ask for an EU licence within the EU (data says DE is a member)', () => {
    const { findings } = screenGoods(
      [{ controlNumber: '3A001' }],
      { origin: 'FR', destination: 'DE', transit: [] },
      DATE,
      rules,
    );
    const eu = findings.filter((f) => f.ruleId === 'dual-use:eu-annex-i');
    assert.deepEqual(
      eu.map((f) => f.severity),
      ['info'],
    );
  });

  it('uses the date: the UK counted as an EU member only until 2020-12-31', () => {
    const line = [{ controlNumber: '3A001' }];
    const before = screenGoods(line, { destination: 'GB', transit: [] }, '2020-06-01', rules);
    const after = screenGoods(line, { destination: 'GB', transit: [] }, DATE, rules);
    const severity = (r: typeof before) =>
      r.findings.find(
        (f) => f.list === 'dual-use' && f.kind === 'goods_control' && f.ruleId.includes('eu-annex-i'),
      )?.severity;
    assert.equal(severity(before), 'info');
    assert.equal(severity(after), 'review');
  });

  it('reviews controlled goods transiting an embargoed country', () => {
    const { findings } = screenGoods(
      [{ code: '854231' }],
      { destination: 'KZ', transit: ['RU'] },
      DATE,
      rules,
    );
    assert.ok(findings.some((f) => f.kind === 'route' && f.goodsIndex === 0 && /transits RU/.test(f.reason)));
    assert.ok(findings.some((f) => f.kind === 'route' && f.goodsIndex === undefined && f.code === 'RU'));
  });

  it('screens nothing and reports the route when a country code is malformed', () => {
    const result = screenGoods([{ code: '854231' }], { destination: 'Russia', transit: [] }, DATE, rules);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      result.lineErrors.map((p) => p.field),
      ['route.destination'],
    );
  });
});
