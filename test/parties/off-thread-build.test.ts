import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { buildIndexData } from '../../src/parties/build-index.ts';
import { type BuildReport, buildIndexOffThread } from '../../src/parties/build-off-thread.ts';
import { EntityTable } from '../../src/parties/entity-table.ts';
import { buildIndex, type SliceStats } from '../../src/parties/index.ts';
import type { IndexData } from '../../src/parties/index-data.ts';
import { knownIds, packIndex, unpackSteps } from '../../src/parties/index-transfer.ts';
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

test('an index unpacked over the words of another index is the same index as one unpacked alone', () => {
  const before = buildIndexData(EntityTable.of([...ENTRIES, ...invented(500)]));
  // Shares most of its words with `before`, drops some, and brings words of 13+ characters `before` lacks.
  const table = EntityTable.of([
    ...ENTRIES.slice(2),
    ...invented(400),
    mk('L1', 'VERYLONGINVENTEDWORD QUARNETHOVELLIXAN'),
  ]);
  const alone = runAtOnce(unpackSteps(packIndex(buildIndexData(table)).packed, table));
  const over = runAtOnce(unpackSteps(packIndex(buildIndexData(table)).packed, table, before));
  assert.ok(alone.vocab.some((w) => w.length >= 13 && before.vocabMap.get(w) === undefined));
  assert.ok(alone.vocab.filter((w) => before.vocabMap.get(w) !== undefined).length > 100);
  assert.deepStrictEqual(comparable(over), comparable(alone));
  // The same with the positions the worker sends along for the words the main thread holds.
  const { packed } = packIndex(buildIndexData(table), {
    of: 7,
    ids: knownIds(alone.vocabMap, before.vocabMap),
  });
  const ids = packed.known!.ids;
  assert.ok(ids.includes(-1) && ids.some((j) => j >= 0));
  for (const [i, j] of ids.entries()) {
    const word = alone.vocab[i]!;
    assert.equal(
      j >= 0 ? before.vocab[j] : undefined,
      before.vocabMap.get(word) === undefined ? undefined : word,
    );
  }
  const byIds = runAtOnce(unpackSteps(packed, table, { ...before, build: 7 }));
  assert.deepStrictEqual(comparable(byIds), comparable(alone));
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

test('the worker tokenises only the lists that changed, keeps the active and previous version, and answers as a fresh build', async () => {
  const lists: Record<string, ListEntity[]> = {
    a1: ENTRIES,
    b1: filler(400),
    b2: filler(390),
    b3: [...filler(380), mk('N1', 'QUARNETH VELLIX')],
    c1: invented(1000),
  };
  const tables = new Map(Object.entries(lists).map(([k, v]) => [k, EntityTable.of(v)]));
  const build = async (b: string) => {
    const parts = ['a1', b, 'c1'].map((k) => ({ source: k[0]!, version: k, entries: tables.get(k)! }));
    const report: BuildReport = { prepared: -1, parts: -1 };
    const index = await buildIndexOffThread(parts, { report });
    const fresh = buildIndex(['a1', b, 'c1'].flatMap((k) => lists[k]!));
    assert.deepStrictEqual(index.stats().names, fresh.stats().names);
    for (const name of ['Bitteria', 'Alpha Cedar Trading Beograd', 'Quarneth Velix', 'Qwerta']) {
      assert.deepStrictEqual(
        index.search({ name }, { minScore: 0 }),
        fresh.search({ name }, { minScore: 0 }),
      );
    }
    return `${report.prepared} of ${report.parts}`;
  };
  assert.equal(await build('b1'), '3 of 3');
  assert.equal(await build('b2'), '1 of 3', 'a new version of b: b only');
  assert.equal(await build('b1'), '0 of 3', 'back to the previous version: kept');
  assert.equal(await build('b3'), '1 of 3');
  assert.equal(await build('b1'), '0 of 3', 'b1 was the previous version of b, kept');
  assert.equal(await build('b2'), '1 of 3', 'b2 was neither the active nor the previous version: dropped');
});

test('an aborted build drops what the worker had prepared, and the next build prepares every list again', async () => {
  const parts = [
    { source: 'x', version: '1', entries: EntityTable.of(ENTRIES) },
    { source: 'y', version: '1', entries: EntityTable.of(filler(2000)) },
  ];
  const first: BuildReport = { prepared: -1, parts: -1 };
  await buildIndexOffThread(parts, { report: first });
  const closing = new AbortController();
  const building = buildIndexOffThread(parts, { signal: closing.signal });
  // On the next turn, once the build has been handed to the worker (it starts in a microtask).
  setImmediate(() => closing.abort(new Error('closed')));
  await assert.rejects(building, /closed/);
  const after: BuildReport = { prepared: -1, parts: -1 };
  await buildIndexOffThread(parts, { report: after });
  assert.deepStrictEqual(
    [first, after],
    [
      { prepared: 2, parts: 2 },
      { prepared: 2, parts: 2 },
    ],
  );
});
