import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  coverage,
  loadControlLists,
  parseControlList,
  readControlList,
  screenGoods,
} from '../../src/goods/index.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/goods/annex-table.csv');

describe('officer-loaded annex tables', () => {
  it('reads good rows with stable ids and skips bad rows with a warning naming the line', async () => {
    const { rules, report } = await readControlList('eu-833-annex-xxiii', FIXTURE);
    assert.deepEqual(
      rules.map((r) => r.id),
      [
        'eu-833-annex-xxiii:HS:8471',
        'eu-833-annex-xxiii:CN:84713000:exception',
        'eu-833-annex-xxiii:TARIC:8471300010',
      ],
    );
    assert.equal(report.recordsSeen, 5);
    assert.equal(report.recordsSkipped, 2);
    assert.match(report.warnings[0] ?? '', /line 5 .*9999AB/);
    assert.match(report.warnings[1] ?? '', /line 6 .*source_url/);
  });

  it('loads an annex table beside the shipped lists and counts it in coverage', async () => {
    const { rules, reports } = await loadControlLists({ annexTables: { 'eu-833-annex-xxiii': FIXTURE } });
    assert.equal(reports['eu-833-annex-xxiii']?.recordsSkipped, 2);
    const annex = coverage(rules).annexes.find((a) => a.list === 'eu-833-annex-xxiii');
    assert.deepEqual([annex?.loaded, annex?.rules], [true, 3]);
    const route = { destination: 'RU', transit: [] };
    const laptop = screenGoods([{ code: '84713000', codeSystem: 'CN' }], route, '2024-06-01', rules);
    // Not listed by the loaded rows, but Annex XXIII is partial (manifest.csv): a coverage review, never clear.
    const fromXxiii = laptop.findings.filter((f) => f.list === 'eu-833-annex-xxiii');
    assert.deepEqual(
      fromXxiii.map((f) => [f.kind, f.severity]),
      [['list_coverage', 'review']],
    );
    const server = screenGoods([{ code: '84714100', codeSystem: 'CN' }], route, '2024-06-01', rules);
    assert.ok(server.findings.some((f) => f.list === 'eu-833-annex-xxiii' && f.severity === 'block'));
  });

  it('lets an officer replace the diversion-risk list', async () => {
    const { rules } = await loadControlLists({
      overrides: { 'diversion-risk': FIXTURE.replace('annex-table', 'diversion-only-th') },
    });
    const route = { destination: 'TH', transit: [] };
    const { findings } = screenGoods([{ code: '854231' }], route, '2024-06-01', rules);
    assert.ok(findings.some((f) => f.severity === 'review' && /TH/.test(f.reason)));
    const rs = screenGoods([{ code: '854231' }], { destination: 'RS', transit: [] }, '2024-06-01', rules);
    assert.ok(!rs.findings.some((f) => f.severity === 'review'));
  });

  it('throws on a header without a legal basis, a short row, or a repeated rule', () => {
    assert.throws(
      () => parseControlList('x', 'code,code_system,description\n8542,HS,ICs\n'),
      /header lacks act/,
    );
    const head = 'code,code_system,act,provision,valid_from,source_url\n';
    assert.throws(() => parseControlList('x', `${head}8542,HS,A,B\n`), /line 2 has 4 cells/);
    const row = '8542,HS,A,B,2020-01-01,https://example.org\n';
    assert.throws(() => parseControlList('x', head + row + row), /repeats rule x:HS:8542/);
  });

  it('skips a row whose dates run backwards or whose pattern is unanchored', () => {
    const head = 'code,code_system,act,provision,valid_from,valid_to,source_url\n';
    const back = parseControlList('x', `${head}8542,HS,A,B,2024-01-01,2023-01-01,https://example.org\n`);
    assert.match(back.report.warnings[0] ?? '', /before valid_from/);
    const numbers =
      'id,pattern,regime,act,provision,valid_from,source_url\nn,3A001,EU,A,B,2020-01-01,https://e.org\n';
    assert.match(parseControlList('y', numbers).report.warnings[0] ?? '', /anchored/);
  });
});
