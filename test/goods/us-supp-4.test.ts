import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GoodsLine, parseControlList, screenGoods } from '../../src/goods/index.ts';
import { shipped } from './shipped-rules.ts';

const LIST = 'us-746-supp-4';

/** The findings of the EAR Supp. No. 4 table for one line, as `severity ruleId` (coverage gaps included). */
function supp4(line: GoodsLine, destination: string, date: string, exporterCountry = 'US'): string[] {
  const { findings, lineErrors } = screenGoods(
    [line],
    { destination, transit: [] },
    date,
    shipped.rules,
    undefined,
    { exporterCountry },
  );
  assert.deepEqual(lineErrors, []);
  return findings.filter((f) => f.list === LIST).map((f) => `${f.severity} ${f.ruleId}`);
}

describe('EAR Supp. No. 4 to Part 746 on the transaction date (89 FR 4813, 89 FR 51665, 88 FR 33422)', () => {
  it('needs a licence for all of chapter 84 from 2023-05-19; the day before the code is only a gap', () => {
    const press = { code: '847989', originCountry: 'US' };
    assert.deepEqual(supp4(press, 'RU', '2023-05-18'), [`review coverage:${LIST}`]);
    assert.deepEqual(supp4(press, 'RU', '2023-05-19'), [`block ${LIST}:HS:84`]);
    assert.deepEqual(supp4(press, 'BY', '2023-05-19'), [`block ${LIST}:HS:84`]);
  });

  it('adds the 94 codes of January 2024 (chapter 88, chemicals) from 2024-01-23', () => {
    const balloon = { code: '880100', originCountry: 'US' };
    assert.deepEqual(supp4(balloon, 'RU', '2024-01-22'), [`review coverage:${LIST}`]);
    assert.deepEqual(supp4(balloon, 'RU', '2024-01-23'), [`block ${LIST}:HS:880100`]);
  });

  it('adds the 522 codes of June 2024 (steel wire, tractors…) from 2024-06-12, its effective date', () => {
    // Published on 2024-06-18 but effective 2024-06-12 (89 FR 51644, DATES).
    const wire = { code: '7217.10.10', codeSystem: 'HTS', originCountry: 'US' } as const;
    assert.deepEqual(supp4(wire, 'BY', '2024-06-11'), [`review coverage:${LIST}`]);
    assert.deepEqual(supp4(wire, 'BY', '2024-06-12'), [`block ${LIST}:HS:721710`]);
    // Cars 8703.80 are named in paragraph (a) as also in Supp. No. 5; listed since at least 2024-06-12.
    const car = { code: '870380', originCountry: 'US' };
    assert.deepEqual(supp4(car, 'RU', '2024-06-11'), [`review coverage:${LIST}`]);
    assert.deepEqual(supp4(car, 'RU', '2024-06-12'), [`block ${LIST}:HS:870380`]);
  });

  it('reaches no destination other than Russia and Belarus', () => {
    assert.deepEqual(supp4({ code: '847989', originCountry: 'US' }, 'KZ', '2026-03-01'), []);
  });

  it('says the goods need a licence under Supp. No. 4, and why the EAR bind', () => {
    const { findings } = screenGoods(
      [{ code: '8471.30', originCountry: 'US' }],
      { destination: 'RU', transit: [] },
      '2026-03-01',
      shipped.rules,
      undefined,
      { exporterCountry: 'DE' },
    );
    const block = findings.find((f) => f.list === LIST);
    assert.equal(block?.severity, 'block');
    assert.match(
      block?.reason ?? '',
      /^HS 8471\.30 \(under HS chapter 84\) is listed in 15 CFR Part 746 Supp\. No\. 4 \(EAR\) \(Chapter 84 whole\); exports to RU need a licence under 15 CFR Part 746 Supp\. No\. 4 \(EAR\) \[US rule: US-origin goods\]$/,
    );
    assert.equal(block?.legalBasis.inForce, '2023-05-19');
    assert.equal(block?.sourceUrl, 'https://www.federalregister.gov/d/2023-10774');
  });
});

describe('EAR Supp. No. 4 binds only with a US nexus (jurisdiction.ts)', () => {
  it('leaves an EU exporter of EU-origin goods untouched: no block and no EAR coverage gap', () => {
    for (const code of ['847989', '721710', '290110'])
      assert.deepEqual(supp4({ code, originCountry: 'DE' }, 'RU', '2026-03-01', 'DE'), [], code);
  });

  it('asks for review, not block, when an EU exporter does not declare the origin', () => {
    assert.deepEqual(supp4({ code: '847989' }, 'RU', '2026-03-01', 'DE'), [`review ${LIST}:HS:84`]);
  });

  it('blocks US content shipped by an EU exporter', () => {
    const line = { code: '721710', originCountry: 'DE', usContent: true };
    assert.deepEqual(supp4(line, 'RU', '2026-03-01', 'DE'), [`block ${LIST}:HS:721710`]);
  });
});

describe('whole-chapter rows', () => {
  const header =
    'code,code_system,kind,description,tier,destinations,threshold_eur,act,provision,valid_from,valid_to,citation,source_url';
  const row = (code: string, system: string) =>
    `${code},${system},control,All of a chapter,,RU,,An act,Art. 1,2024-01-01,,Act Art. 1,https://example.org/act`;

  it('accepts a 2-digit HS chapter in a rule file, but no 2-digit national code', () => {
    const { rules, report } = parseControlList('t', [header, row('84', 'HS'), row('85', 'CN')].join('\n'));
    assert.deepEqual(
      rules.map((r) => r.id),
      ['t:HS:84'],
    );
    assert.equal(report.recordsSkipped, 1);
    assert.match(report.warnings[0] ?? '', /line 3 skipped: tariff code "85" has 2 digits/);
  });

  it('never accepts a chapter as a declared goods code', () => {
    const { lineErrors } = screenGoods(
      [{ code: '84' }],
      { destination: 'RU', transit: [] },
      '2026-03-01',
      [],
    );
    assert.equal(lineErrors.length, 1);
  });
});
