import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndexData } from '../../src/parties/build-index.ts';
import { buildIndexOffThread } from '../../src/parties/build-off-thread.ts';
import { EntityTable } from '../../src/parties/entity-table.ts';
import { buildIndex, type SliceStats } from '../../src/parties/index.ts';
import type { IndexData } from '../../src/parties/index-data.ts';
import { packIndex, unpackSteps } from '../../src/parties/index-transfer.ts';
import { runAtOnce } from '../../src/parties/slices.ts';
import { ENTRIES, filler, mk } from './fixtures.ts';

/** Names of two invented words each, so the vocabulary runs to thousands of strings. */
function invented(count: number) {
  let s = 7;
  const letter = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return 'BDFGKLMNPRSTVZ'[s % 14]! + 'AEIOU'[(s >> 8) % 5]!;
  };
  const word = () => letter() + letter() + letter();
  return Array.from({ length: count }, (_, i) => mk(`I${i}`, `${word()} ${word()} TRADING`));
}

const comparable = (d: IndexData) => {
  const { buildMs: _ms, ...rest } = d;
  return rest;
};

test('an index packed for another thread and unpacked is the same index', () => {
  const table = EntityTable.of([...ENTRIES, ...filler(1000)]);
  const d = buildIndexData(table);
  const { packed } = packIndex(buildIndexData(table));
  assert.deepStrictEqual(comparable(runAtOnce(unpackSteps(packed, table))), comparable(d));
});

test('the index built in a worker thread answers exactly as the one built at once', async () => {
  const entities = [...ENTRIES, ...filler(400), ...invented(3000)];
  const table = EntityTable.of(entities);
  const stats: SliceStats = { yields: 0, longestMs: 0 };
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const offThread = await buildIndexOffThread(table, { sliceMs: 0, stats });
  done = true;
  // The unpacking alone yields once per 1,024 strings (sliceMs 0): the loop turned at least that often.
  assert.ok(stats.yields >= 4, `${stats.yields} yields for ${offThread.stats().vocabulary} words`);
  assert.ok(turns >= stats.yields, `${turns} turns`);
  const atOnce = buildIndex(entities);
  assert.deepStrictEqual(offThread.stats().names, atOnce.stats().names);
  for (const name of [
    'Bitteria',
    'Vladimir Putin',
    'ZARYA SHIPPING',
    'Alpha Cedar Trading Beograd',
    'Qwerta',
  ]) {
    assert.deepStrictEqual(
      offThread.search({ name }, { minScore: 0 }),
      atOnce.search({ name }, { minScore: 0 }),
      name,
    );
  }
});

test('an aborted off-thread build rejects and stops its worker', async () => {
  const closing = new AbortController();
  const building = buildIndexOffThread(EntityTable.of(filler(2000)), { signal: closing.signal });
  closing.abort(new Error('closed'));
  await assert.rejects(building, /closed/);
});
