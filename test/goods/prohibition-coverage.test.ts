import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  coverage,
  parseProhibitionManifest,
  partialCoverageFor,
  SHIPPED_PROHIBITION_TABLES,
} from '../../src/goods/index.ts';

const HEAD =
  'list_id,file,title,jurisdiction,destinations,coverage,chapters,valid_from,legal_basis,note,source_url\n';
const row = (coverageLevel: string, chapters: string, destinations = 'RU') =>
  `t,t.csv,T,EU,${destinations},${coverageLevel},${chapters},2022-04-09,Art. 3k,n,https://e.org\n`;

describe('prohibition table coverage', () => {
  it('reports a partial table for codes in its chapters or headings, on and after its first in-force day', () => {
    const tables = parseProhibitionManifest(HEAD + row('partial', '84 8806'));
    const gaps = (code: string, dest: string, date: string) =>
      partialCoverageFor(code, dest, date, tables).map((gap) => gap.chapter ?? '*');
    assert.deepEqual(gaps('8482.80', 'RU', '2024-01-01'), ['84']);
    assert.deepEqual(gaps('88062100', 'RU-MOW', '2024-01-01'), ['8806']);
    assert.deepEqual(gaps('8807', 'RU', '2024-01-01'), []);
    assert.deepEqual(gaps('8482.80', 'RU', '2022-04-08'), [], 'before the table applied there is no gap');
    assert.deepEqual(gaps('8482.80', 'BY', '2024-01-01'), [], 'the table does not reach Belarus');
  });

  it('never reports a complete table, and a partial table without chapters reaches every code', () => {
    const complete = parseProhibitionManifest(HEAD + row('complete', '84'));
    assert.deepEqual(partialCoverageFor('8482', 'RU', '2024-01-01', complete), []);
    const open = parseProhibitionManifest(HEAD + row('partial', '', 'RU BY'));
    assert.equal(partialCoverageFor('0101', 'BY', '2024-01-01', open).length, 1);
  });

  it('rejects a manifest row with a bad coverage level, chapter or date', () => {
    assert.throws(() => parseProhibitionManifest(HEAD + row('some', '84')), /coverage "some"/);
    assert.throws(() => parseProhibitionManifest(HEAD + row('partial', '848')), /chapter "848"/);
    assert.throws(
      () => parseProhibitionManifest(HEAD + row('partial', '84').replace('2022-04-09', '2022')),
      /valid_from/,
    );
  });

  it('states every shipped partial table in coverage(), with its chapters and destinations', () => {
    const report = coverage([]);
    for (const table of SHIPPED_PROHIBITION_TABLES) {
      const annex = report.annexes.find((a) => a.list === table.list);
      assert.ok(annex, table.list);
      assert.equal(annex.completeness, table.coverage, table.list);
      assert.deepEqual(annex.chapters, table.chapters, table.list);
      if (table.coverage === 'partial') {
        assert.match(annex.note, /^PARTIAL/, table.list);
        assert.ok(report.summary.includes(table.title), table.list);
      }
    }
  });
});
