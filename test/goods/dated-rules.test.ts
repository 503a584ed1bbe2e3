import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type GoodsFinding,
  type GoodsLine,
  type Route,
  screenGoods,
  type TransactionContext,
} from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

const { rules } = shipped;
const chip = [{ code: '8542.31', originCountry: 'DE' }];
const ccl = [{ controlNumber: '5A992.c', originCountry: 'US' }];
const DE: TransactionContext = { exporterCountry: 'DE' };
const US: TransactionContext = { exporterCountry: 'US' };

function worst(findings: GoodsFinding[]): string {
  const rank = ['info', 'review', 'block'];
  return findings.reduce((w, f) => (rank.indexOf(f.severity) > rank.indexOf(w) ? f.severity : w), 'clear');
}
const screen = (lines: GoodsLine[], route: Route, date: string, facts: TransactionContext) =>
  screenGoods(lines, route, date, rules, undefined, facts).findings;
const to = (destination: string): Route => ({ destination, transit: [] });

describe('embargo rows decide on the transaction date', () => {
  it('Syria: EU listed goods blocked until 2025-05-27, then only reviewed (Reg. 2025/1098); apples clear', () => {
    assert.equal(worst(screen(chip, to('SY'), '2025-05-27', DE)), 'block');
    const after = screen(chip, to('SY'), '2025-05-28', DE);
    assert.equal(worst(after), 'review');
    assert.match(after.find((f) => f.severity === 'review')?.reason ?? '', /2025\/1098/);
    assert.equal(
      worst(screen([{ code: '0808.10', originCountry: 'DE' }], to('SY'), '2026-03-01', DE)),
      'info',
    );
  });

  it('Syria: US ECCN items blocked before 2025-09-02 (§746.9), reviewed after the BIS rule', () => {
    assert.equal(worst(screen(ccl, to('SY'), '2025-09-01', US)), 'block');
    const after = screen(ccl, to('SY'), '2025-09-02', US);
    assert.equal(worst(after), 'review');
    assert.match(after.find((f) => f.kind === 'goods_control')?.reason ?? '', /as revised 2025-09-02/);
  });

  it('Syria: the OFAC sanctions (E.O. 13582) end with E.O. 14312 on 2025-07-01', () => {
    const ids = (date: string) =>
      screenGoods([], to('SY'), date, rules, undefined, US).findings.map((f) => f.ruleId);
    assert.ok(ids('2025-06-30').includes('embargoes:SY:US:ofac'));
    assert.ok(!ids('2025-07-01').includes('embargoes:SY:US:ofac'));
  });

  it('Belarus: EU goods bans from Reg. 2022/355 (in force 2022-03-03, the day after publication), not 2006', () => {
    assert.ok(
      !screen(chip, to('BY'), '2021-06-01', DE).some(
        (f) => f.ruleId === 'chpl:HS:854231' && f.severity === 'block',
      ),
    );
    const ids = (date: string) =>
      screenGoods([], to('BY'), date, rules, undefined, DE).findings.map((f) => f.ruleId);
    assert.deepEqual(ids('2022-03-02'), []);
    assert.deepEqual(ids('2022-03-03'), ['embargoes:BY:EU']);
  });

  it('Russia: a CHPL chip from an EU exporter is blocked in June 2023, citing the ban, not Annex XL', () => {
    const findings = screen(chip, to('RU'), '2023-06-15', DE);
    const block = findings.find((f) => f.severity === 'block');
    assert.ok(block, JSON.stringify(findings));
    assert.equal(block.ruleId, 'chpl:HS:854231');
    assert.match(block.reason, /prohibited under Reg\. \(EU\) 833\/2014 Art\. 2, 2a and 3k/);
    assert.match(block.reason, /EU rule: exporter established in DE/);
  });

  it('Russia: before Reg. 2022/328 (2022-02-26) listed goods were banned only for military end use: review', () => {
    const eu = (date: string) =>
      screen([{ controlNumber: '3A001', originCountry: 'DE' }], to('RU'), date, DE).find(
        (f) => f.ruleId === 'dual-use:eu-annex-i',
      )?.severity;
    assert.equal(eu('2022-02-25'), 'review');
    assert.equal(eu('2022-02-26'), 'block');
  });

  it('Crimea: EU export restrictions from Reg. 1351/2014 (2014-12-20); before, only the import ban', () => {
    const item = [{ controlNumber: '3A001', originCountry: 'DE' }];
    const severity = (date: string) =>
      // 2014: the EU dual-use list was still Reg. 428/2009's.
      screen(item, to('UA-43'), date, DE).find((f) => f.ruleId.startsWith('dual-use:eu-annex-i'))?.severity;
    assert.equal(severity('2014-12-19'), 'review');
    assert.equal(severity('2014-12-20'), 'block');
  });

  it('occupied oblasts: Donetsk from 2022-02-24, Zaporizhzhia and Kherson from 2022-10-06 (Reg. 2022/1903)', () => {
    const item = [{ controlNumber: '3A001', originCountry: 'DE' }];
    const blocked = (place: string, date: string) =>
      screen(item, to(place), date, DE).some((f) => f.severity === 'block');
    assert.equal(blocked('UA-14', '2022-02-23'), false);
    assert.equal(blocked('UA-14', '2022-02-24'), true);
    for (const oblast of ['UA-23', 'UA-65']) {
      assert.equal(blocked(oblast, '2022-10-05'), false, oblast);
      assert.equal(blocked(oblast, '2022-10-06'), true, oblast);
    }
  });

  it('Iran (EU): prohibition until Implementation Day, authorisation only under the JCPOA, prohibition again from the snapback', () => {
    const ids = (date: string) =>
      screen([{ code: '0808.10', originCountry: 'DE' }], to('IR'), date, DE).map(
        (f) => `${f.ruleId}:${f.severity}`,
      );
    assert.deepEqual(ids('2016-01-15'), ['embargoes:IR:EU:2012:review']);
    // Reg. 2015/1861 deleted the prohibitions (Art. 2-4) for prior authorisation (Art. 2a, 3a): a note only.
    assert.deepEqual(ids('2016-01-16'), ['embargoes:IR:EU:jcpoa:info']);
    assert.deepEqual(ids('2025-09-29'), ['embargoes:IR:EU:jcpoa:info']);
    assert.deepEqual(ids('2025-09-30'), ['embargoes:IR:EU:review']);
    // A CHPL chip: reviewed under the authorisation regime, blocked once the prohibition is back.
    assert.equal(worst(screen(chip, to('IR'), '2025-09-29', DE)), 'review');
    const after = screen(chip, to('IR'), '2025-09-30', DE);
    assert.equal(worst(after), 'block');
    assert.match(after.find((f) => f.ruleId === 'embargoes:IR:EU')?.legalBasis.act ?? '', /2025\/1975/);
  });

  it('Iran: listed goods stay blocked after the 2025 snapback, citing Reg. 2025/1975', () => {
    const findings = screen([{ controlNumber: '3A001', originCountry: 'DE' }], to('IR'), '2025-10-01', DE);
    const block = findings.find((f) => f.severity === 'block');
    assert.ok(block);
    const dest = screenGoods([], to('IR'), '2025-10-01', rules, undefined, DE).findings;
    assert.match(dest[0]?.legalBasis.provision ?? '', /2025\/1975/);
  });
});
