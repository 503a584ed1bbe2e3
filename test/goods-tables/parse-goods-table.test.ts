import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffGoodsTable } from '../../src/goods-tables/goods-table-diff.ts';
import { MAX_ROWS, parseGoodsTable } from '../../src/goods-tables/parse-goods-table.ts';

const HEADER =
  'code,code_system,destination,measure,jurisdiction,legal_basis,source,valid_from,valid_to,note';
const csv = (...lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;
const PROCESSORS =
  '8542.31,HS,RU,block,EU,Reg. 833/2014 Art. 2a,https://eur-lex.europa.eu/eli/reg/2022/328/oj,2022-02-26,,cpus';

describe('parseGoodsTable: the CSV layout', () => {
  test('reads tariff codes, control numbers, wildcards and measures into rows with their file lines', async () => {
    const { rows, errors } = await parseGoodsTable(
      csv(
        PROCESSORS,
        '8471 30 00,cn,*,Licence required,,Group policy GP-7,Policy GP-7 section 3,2024-01-01,2025-12-31,',
        '5a002,,CN,review,US,15 CFR 742.15,https://www.ecfr.gov/current/title-15/part-742,2021-01-01,,"enc, all"',
        '88,,UA-43,block,,National list,NL-1,2014-12-20,,chapter',
      ),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(
      rows.map((r) => [r.line, r.code, r.codeSystem, r.destination, r.measure, r.jurisdiction, r.validTo]),
      [
        [2, '854231', 'HS', 'RU', 'block', 'EU', null],
        [3, '84713000', 'CN', '*', 'licence_required', undefined, '2025-12-31'],
        [4, '5A002', undefined, 'CN', 'review', 'US', null],
        [5, '88', 'HS', 'UA-43', 'block', undefined, null],
      ],
    );
    assert.equal(rows[2]!.note, 'enc, all');
    assert.equal(rows[1]!.note, null);
  });

  test('columns come in any order and optional ones may be left out', async () => {
    const { rows, errors } = await parseGoodsTable(
      'valid_from,source,legal_basis,measure,destination,code\n2023-01-01,memo 4,policy,review,BY,8703\n',
    );
    assert.deepEqual(errors, []);
    assert.equal(rows[0]!.code, '8703');
    assert.equal(rows[0]!.destination, 'BY');
  });

  test('every bad cell is named by its line and column, and nothing is loaded', async () => {
    const { rows, errors } = await parseGoodsTable(
      csv(
        PROCESSORS,
        '85x1,HS,RU,block,,basis,src,2022-01-01,,',
        '84713000,,RU,block,,basis,src,2022-01-01,,',
        '8471,HS,Russia,stop,FR,,src,2022-02-30,2021-01-01,',
        '8471,HS,RU,block,,basis,src,2022-03-01,2022-02-01,',
        '8542.31,HS,RU,review,,other basis,src,2022-02-26,,',
        '3A001,CN,RU,block,,basis,src,2022-01-01,,',
        'short,row',
        '5A002.a.1.a.1.a.1.a.1.a,,RU,block,,basis,src,2022-01-01,,',
      ),
    );
    assert.deepEqual(rows, []);
    const seen = errors.map((e) => `${e.line}/${e.column}`);
    assert.deepEqual(seen, [
      '3/code',
      '4/code_system',
      '5/legal_basis',
      '5/destination',
      '5/measure',
      '5/jurisdiction',
      '5/valid_from',
      '6/valid_to',
      '7/code',
      '8/code_system',
      '9/',
      '10/code',
    ]);
    assert.match(errors.find((e) => e.line === 7)!.message, /repeats line 2/);
    assert.match(errors.find((e) => e.column === 'valid_to')!.message, /before valid_from/);
  });

  test('a bad header, an empty file, broken quoting and too many rows reject the file as a whole', async () => {
    const typo = await parseGoodsTable(
      'code,destination,measure,legal_basis,source,valid_from,valid_untill\n',
    );
    assert.deepEqual(
      typo.errors.map((e) => [e.line, e.column]),
      [[1, 'valid_untill']],
    );
    const missing = await parseGoodsTable('code,destination,measure\n8471,RU,block\n');
    assert.deepEqual(
      missing.errors.map((e) => e.column),
      ['legal_basis', 'source', 'valid_from'],
    );
    assert.match((await parseGoodsTable('')).errors[0]!.message, /header/);
    assert.match(
      (await parseGoodsTable(csv('8471,HS,RU,block,,"unclosed,src,2022-01-01,,'))).errors[0]!.message,
      /CSV/,
    );
    const big = await parseGoodsTable(
      csv(...Array.from({ length: MAX_ROWS + 1 }, (_, i) => `${1000 + i},HS,RU,block,,b,s,2022-01-01,,`)),
    );
    assert.deepEqual(big.rows, []);
    assert.match(big.errors[0]!.message, /at most 10000/);
  });

  test('a header and no rows is an empty table', async () => {
    assert.deepEqual(await parseGoodsTable(`${HEADER}\n`), { rows: [], errors: [] });
  });
});

describe('diffGoodsTable', () => {
  test('rows are matched by code, system, destination and valid_from; changed names the columns', async () => {
    const { rows: before } = await parseGoodsTable(
      csv(PROCESSORS, '8471,HS,RU,review,,b,s,2022-01-01,,', '8703,HS,BY,block,,b,s,2022-03-03,,'),
    );
    const { rows: after } = await parseGoodsTable(
      csv(
        '8703,HS,BY,block,,b,s,2022-03-03,,',
        '8471,HS,RU,block,,b,s,2022-01-01,2026-12-31,',
        '8471,HS,RU,block,,b,s,2027-01-01,,',
      ),
    );
    const diff = diffGoodsTable(before, after, 1);
    assert.equal(diff.against, 1);
    assert.deepEqual(
      diff.added.map((r) => [r.code, r.validFrom]),
      [['8471', '2027-01-01']],
    );
    assert.deepEqual(
      diff.removed.map((r) => r.code),
      ['854231'],
    );
    // 8703 moved from line 4 to line 2 and is otherwise the same: unchanged.
    assert.deepEqual(
      diff.changed.map((c) => [c.before.code, c.fields]),
      [['8471', ['measure', 'valid_to']]],
    );
    assert.deepEqual(diffGoodsTable([], after, null).added.length, 3);
  });
});
