import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GoodsFinding, jurisdictions, screenGoods } from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

const { rules } = shipped;
const EU = new Set(['DE', 'FR', 'NL']);
const isEu = (c: string) => EU.has(c);
const cuba = { destination: 'CU', transit: [] };

const severities = (findings: GoodsFinding[], pred: (f: GoodsFinding) => boolean) =>
  findings.filter(pred).map((f) => f.severity);

describe('which regimes bind a transaction', () => {
  it('binds EU rules to an exporter established in a member state, and says so', () => {
    const view = jurisdictions({ exporterCountry: 'DE' }, cuba, [], isEu);
    assert.deepEqual(view.of('EU'), { status: 'binds', why: 'exporter established in DE' });
    assert.equal(view.of('US').status, 'not-binding');
    assert.equal(view.of('UK').status, 'not-binding');
    assert.equal(view.failSafe, false);
  });

  it('binds US rules to US-origin goods or US content wherever the exporter is', () => {
    const lines = [
      { code: '847150', originCountry: 'US' },
      { code: '847150', originCountry: 'DE', usContent: true },
    ];
    const view = jurisdictions({ exporterCountry: 'DE' }, cuba, lines, isEu);
    assert.deepEqual(view.of('US', lines[0]), { status: 'binds', why: 'US-origin goods' });
    assert.deepEqual(view.of('US', lines[1]), { status: 'binds', why: 'US content in the goods' });
    assert.equal(view.of('US', { code: '847150', originCountry: 'DE' }).status, 'not-binding');
  });

  it('leaves US rules undecided (review, not dropped) when the origin of the goods is not declared', () => {
    const view = jurisdictions({ exporterCountry: 'DE' }, cuba, [{ code: '847150' }], isEu);
    assert.equal(view.of('US', { code: '847150' }).status, 'unknown');
  });

  it("adds the tenant's own jurisdictions (a bank's policy) whatever the exporter", () => {
    const view = jurisdictions(
      { exporterCountry: 'RS', tenantJurisdictions: ['EU', 'US', 'UK'] },
      cuba,
      [],
      isEu,
    );
    for (const regime of ['EU', 'US', 'UK']) {
      assert.deepEqual(view.of(regime), { status: 'binds', why: `the tenant policy binds ${regime}` });
    }
  });

  it('applies every regime, and says so, when no exporter country and no policy say which bind', () => {
    const view = jurisdictions({}, cuba, [], isEu);
    assert.equal(view.failSafe, true);
    assert.equal(view.of('US').status, 'binds');
    assert.match(view.of('EU').why, /as a precaution/);
  });

  it('binds the regime of the country the goods leave from', () => {
    const view = jurisdictions(
      { exporterCountry: 'RS' },
      { origin: 'FR', destination: 'RU', transit: [] },
      [],
      isEu,
    );
    assert.deepEqual(view.of('EU'), { status: 'binds', why: 'goods exported from FR' });
  });
});

describe('the US Cuba embargo needs a US nexus', () => {
  const date = '2026-03-01';
  const line = { controlNumber: '5A992.c', originCountry: 'DE' };

  it('does not apply to an EU exporter of EU goods: no Cuba finding at all', () => {
    const { findings } = screenGoods([line], cuba, date, rules, undefined, { exporterCountry: 'DE' });
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('embargoes:CU')),
      [],
    );
    assert.deepEqual(
      severities(findings, (f) => f.severity === 'block'),
      [],
    );
  });

  it('blocks the same goods of US origin, saying why the EAR apply', () => {
    const us = { ...line, originCountry: 'US' };
    const { findings } = screenGoods([us], cuba, date, rules, undefined, { exporterCountry: 'DE' });
    const block = findings.find((f) => f.severity === 'block');
    assert.ok(block, JSON.stringify(findings));
    assert.match(block.reason, /§746\.2/);
    assert.match(block.reason, /US rule: US-origin goods/);
  });

  it('reviews when the origin is not declared, rather than clear or block', () => {
    const { findings } = screenGoods([{ controlNumber: '5A992.c' }], cuba, date, rules, undefined, {
      exporterCountry: 'DE',
    });
    assert.deepEqual(
      severities(findings, (f) => f.kind === 'goods_control'),
      ['review'],
    );
    assert.match(
      findings.find((f) => f.kind === 'goods_control')?.reason ?? '',
      /origin of the goods is not declared/,
    );
  });

  it('blocks for a US exporter and for a tenant whose policy binds US', () => {
    for (const facts of [{ exporterCountry: 'US' }, { exporterCountry: 'DE', tenantJurisdictions: ['US'] }]) {
      const { findings } = screenGoods([line], cuba, date, rules, undefined, facts);
      assert.ok(
        findings.some((f) => f.severity === 'block'),
        JSON.stringify(facts),
      );
    }
  });

  it('keeps the fail-safe reading with no facts at all, and says so in the finding', () => {
    const { findings } = screenGoods([line], cuba, date, rules);
    const block = findings.find((f) => f.severity === 'block');
    assert.match(block?.reason ?? '', /as a precaution/);
  });
});

describe('EU rules bind EU operators only', () => {
  it('asks a DE exporter, not a US one, for an EU dual-use authorisation to Serbia', () => {
    const line = [{ controlNumber: '3A001', originCountry: 'US' }];
    const route = { destination: 'RS', transit: [] };
    const de = screenGoods(line, route, '2026-03-01', rules, undefined, { exporterCountry: 'DE' });
    const eu = de.findings.find((f) => f.ruleId === 'dual-use:eu-annex-i');
    assert.equal(eu?.severity, 'review');
    assert.match(eu?.reason ?? '', /EU rule: exporter established in DE/);
    const us = screenGoods(line, route, '2026-03-01', rules, undefined, { exporterCountry: 'US' });
    assert.equal(
      us.findings.find((f) => f.ruleId === 'dual-use:eu-annex-i'),
      undefined,
    );
  });
});
