import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type GoodsLine,
  type TenantGoodsRow,
  type TenantGoodsTable,
  tenantTableFindings,
} from '../../src/goods/index.ts';

const row = (over: Partial<TenantGoodsRow>): TenantGoodsRow => ({
  line: 2,
  code: '854231',
  codeSystem: 'HS',
  destination: 'RU',
  measure: 'block',
  legalBasis: 'Reg. (EU) 833/2014 Art. 2a and Annex VII',
  source: 'https://eur-lex.europa.eu/eli/reg/2022/328/oj',
  validFrom: '2022-02-26',
  validTo: null,
  note: null,
  ...over,
});

const table = (...rows: TenantGoodsRow[]): TenantGoodsTable => ({
  tableId: 'gt_1',
  name: 'Group controls',
  version: 3,
  rows,
});

const toRU = { destination: 'RU', transit: [] };
const chips: GoodsLine[] = [{ code: '8542.31.90', codeSystem: 'CN' }];

describe('tenantTableFindings', () => {
  test('a row bites from its valid_from through its valid_to, not a day outside', () => {
    const t = table(row({ validFrom: '2024-03-01', validTo: '2024-12-31' }));
    const on = (date: string) => tenantTableFindings(chips, toRU, date, [t]).length;
    assert.deepEqual(['2024-02-29', '2024-03-01', '2024-12-31', '2025-01-01'].map(on), [0, 1, 1, 0]);
  });

  test('the finding cites the table, its version, the line, the legal basis and the source', () => {
    const [f] = tenantTableFindings(chips, toRU, '2024-06-01', [table(row({ line: 7, note: 'cpus' }))]);
    assert.ok(f);
    assert.equal(f.severity, 'block');
    assert.equal(f.kind, 'goods_control');
    assert.equal(f.list, 'goods-table:gt_1');
    assert.equal(f.ruleId, 'goods-table:gt_1:HS854231:RU:2022-02-26');
    assert.equal(f.code, '85423190');
    assert.equal(f.legalBasis.act, 'Reg. (EU) 833/2014 Art. 2a and Annex VII');
    assert.equal(f.legalBasis.inForce, '2022-02-26');
    assert.equal(f.sourceUrl, 'https://eur-lex.europa.eu/eli/reg/2022/328/oj');
    assert.deepEqual(f.table, {
      tableId: 'gt_1',
      name: 'Group controls',
      version: 3,
      line: 7,
      measure: 'block',
      source: 'https://eur-lex.europa.eu/eli/reg/2022/328/oj',
      note: 'cpus',
    });
    assert.match(
      f.reason,
      /CN 8542\.31\.90 \(under HS 8542\.31\) is on line 7 of goods table "Group controls"/,
    );
    assert.match(f.reason, /version 3\): blocked for RU under Reg\. \(EU\) 833\/2014/);
  });

  test('review and licence_required rows review; a document reference is no URL', () => {
    const t = table(
      row({ line: 2, measure: 'review' }),
      row({ line: 3, code: '8542', measure: 'licence_required', source: 'Group policy GP-7' }),
    );
    const found = tenantTableFindings(chips, toRU, '2024-06-01', [t]);
    assert.deepEqual(
      found.map((f) => [f.table?.line, f.severity]),
      [
        [3, 'review'],
        [2, 'review'],
      ],
    );
    assert.equal(found[0]!.sourceUrl, '');
    assert.match(found[0]!.reason, /subject to a licence requirement .*source: Group policy GP-7/);
  });

  test('unlike shipped lists, a broad row is not hidden by a narrower one: each row in force is a finding', () => {
    const t = table(
      row({ code: '85', measure: 'block' }),
      row({ code: '85423190', codeSystem: 'CN', measure: 'review' }),
    );
    const found = tenantTableFindings(chips, toRU, '2024-06-01', [t]);
    assert.deepEqual(found.map((f) => f.severity).sort(), ['block', 'review']);
  });

  test('destination: a country covers its regions and transit; * is everywhere; other places are not hit', () => {
    const t = table(row({ destination: 'RU' }));
    assert.equal(
      tenantTableFindings(chips, { destination: 'RU-MOW', transit: [] }, '2024-06-01', [t]).length,
      1,
    );
    const via = tenantTableFindings(chips, { destination: 'KZ', transit: ['RU'] }, '2024-06-01', [t]);
    assert.match(via[0]!.reason, /for RU \(RU is on the route\)/);
    assert.equal(tenantTableFindings(chips, { destination: 'KZ', transit: [] }, '2024-06-01', [t]).length, 0);
    const region = table(row({ destination: 'UA-43' }));
    assert.equal(
      tenantTableFindings(chips, { destination: 'UA', transit: [] }, '2024-06-01', [region]).length,
      0,
    );
    const anywhere = table(row({ destination: '*' }));
    assert.equal(
      tenantTableFindings(chips, { destination: 'FR', transit: [] }, '2024-06-01', [anywhere]).length,
      1,
    );
  });

  test('code systems: a CN row does not cover an HTS line; a control-number row covers its sub-items only', () => {
    const cn = table(row({ code: '85423190', codeSystem: 'CN' }));
    const hts: GoodsLine[] = [{ code: '8542.31.00', codeSystem: 'HTS' }];
    assert.equal(tenantTableFindings(hts, toRU, '2024-06-01', [cn]).length, 0);
    const number = table(row({ code: '5A002', codeSystem: undefined, destination: 'CN' }));
    const toCN = { destination: 'CN', transit: [] };
    const screened = (controlNumber: string) =>
      tenantTableFindings([{ controlNumber }], toCN, '2024-06-01', [number]).length;
    assert.deepEqual(['5A002', '5a002.A.1', '5A0021', '5A992'].map(screened), [1, 1, 0, 0]);
    const [f] = tenantTableFindings([{ controlNumber: '5A002.a.1' }], toCN, '2024-06-01', [number]);
    assert.match(f!.reason, /control number 5A002\.a\.1 \(under 5A002\)/);
  });

  test('every table of the tenant is applied, each line on its own', () => {
    const a = table(row({}));
    const b = { ...table(row({ code: '8471', measure: 'review' })), tableId: 'gt_2' };
    const lines: GoodsLine[] = [{ code: '8471.30' }, { code: '8542.31' }];
    const found = tenantTableFindings(lines, toRU, '2024-06-01', [a, b]);
    assert.deepEqual(
      found.map((f) => [f.list, f.goodsIndex]),
      [
        ['goods-table:gt_1', 1],
        ['goods-table:gt_2', 0],
      ],
    );
  });
});
