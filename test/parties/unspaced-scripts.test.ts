import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadRealLists } from '../../bench/support/load-real-lists.ts';
import { buildIndex, type MatchIndex } from '../../src/parties/index.ts';
import { skipWithoutLists } from '../support/lists-dir.ts';

/**
 * Real UN, UK and EU entries that carry Han, Hangul and kana aliases: after unspaced scripts are segmented
 * (src/parties/segment.ts) each still matches its native form, spaced or not, and its romanised form.
 */
let index: MatchIndex;
const opts = { skip: skipWithoutLists };

before(async () => {
  if (skipWithoutLists) return;
  index = buildIndex((await loadRealLists(['un-sc', 'uk-hmt', 'eu-oj'], () => {})).entities);
});

const CASES: { source: string; entry: string; queries: string[] }[] = [
  // UK 13420 KIM CHOL SAM, aliases 金铁三 and Jin TIESAN
  { source: 'uk-hmt', entry: '13420', queries: ['金铁三', '金 铁三', 'Jin Tiesan', 'Jin Tie San'] },
  // UN KPe.016 KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION, alias 朝鲜联合机械贸易会社
  {
    source: 'un-sc',
    entry: 'KPe.016',
    queries: ['朝鲜联合机械贸易会社', '朝鲜 联合 机械 贸易 会社', 'Chaoxian Lianhe Jixie Maoyi Huishe'],
  },
  // UN KPe.055 CHANG AN SHIPPING & TECHNOLOGY, alias 長安海連技術有限公司
  { source: 'un-sc', entry: 'KPe.055', queries: ['長安海連技術有限公司', '長安 海連 技術 有限公司'] },
  // UK 16816 KIM YONG BOK, alias 김영복
  { source: 'uk-hmt', entry: '16816', queries: ['김영복', '김 영복', 'Kim Yong Bok'] },
  // EU Saw San AUNG, aliases 索桑昂 and ソー・サン・アウン
  {
    source: 'eu-oj',
    entry: '32020R1998:I.A:149',
    queries: ['ソー・サン・アウン', 'ソーサンアウン', '索桑昂', 'Saw San Aung'],
  },
];

test('Han, Hangul and kana aliases on the real lists match their native and romanised forms', opts, () => {
  for (const c of CASES) {
    for (const name of c.queries) {
      const hit = index
        .search({ name }, { limit: 50 })
        .find((h) => h.source === c.source && h.entryId === c.entry);
      assert.ok(hit, `${name} should reach review on ${c.source} ${c.entry}`);
      assert.notEqual(hit.band, 'below', `${name}: ${hit.score}`);
    }
  }
});
