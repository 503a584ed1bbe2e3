import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { type ListEntity, newParseReport } from '../../src/entity/list-entity.ts';
import { source as unSource } from '../../src/lists/sources/un-sc/index.ts';
import { source as sdnSource } from '../../src/lists/sources/us-ofac-sdn/index.ts';
import { buildIndexData, buildIndexDataSliced } from '../../src/parties/build-index.ts';
import { sortSteps } from '../../src/parties/deletion-keys.ts';
import { buildIndex, buildIndexSliced, type SliceStats } from '../../src/parties/index.ts';
import { runAtOnce } from '../../src/parties/slices.ts';
import { loopTurnsDuring } from '../support/loop-turns.ts';
import { comparable, ENTRIES, filler } from './fixtures.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** The unit-test entries, the UN and OFAC SDN fixtures in their official formats, and filler to make it sizeable. */
async function fixtureEntities(): Promise<ListEntity[]> {
  const out: ListEntity[] = [...ENTRIES];
  for (const [src, path] of [
    [unSource, 'un-sc/consolidated.xml'],
    [sdnSource, 'us-ofac-sdn/csv'],
  ] as const) {
    for await (const e of src.read(resolve(FIXTURES, path), newParseReport())) out.push(e);
  }
  return [...out, ...filler(3000)];
}

test('the index built in slices is exactly the index built at once, on the fixtures', async () => {
  const entities = await fixtureEntities();
  assert.equal(entities.length, ENTRIES.length + 3 + 3 + 3000, 'the official-format fixtures were read');
  const atOnce = buildIndexData(entities);
  const stats: SliceStats = { yields: 0, longestMs: 0 };
  const sliced = await buildIndexDataSliced(entities, 0, stats);
  assert.ok(stats.yields > 0, 'the sliced build did yield');
  assert.deepStrictEqual(comparable(sliced), comparable(atOnce));

  // And the two answer alike, hit for hit (score, band, explanation).
  const a = buildIndex(entities);
  const b = await buildIndexSliced(entities, { sliceMs: 0 });
  for (const name of [
    'Bitteria',
    'Vladimir Putin',
    'ZARYA SHIPPING',
    'Alpha Cedar Trading Beograd',
    'Al Qaida',
  ]) {
    assert.deepStrictEqual(b.search({ name }, { minScore: 0 }), a.search({ name }, { minScore: 0 }), name);
  }
});

test('the event loop keeps turning while a sizeable index builds in slices, and not while it builds at once', async () => {
  const entities = filler(4000);
  const turnsDuring = async (build: () => Promise<unknown>) => (await loopTurnsDuring(build)).turns;
  const stats: SliceStats = { yields: 0, longestMs: 0 };
  // sliceMs 0 yields at every checkpoint, so the count depends on the entries, not on the machine's speed:
  // at least one checkpoint per 8 entities.
  const sliced = await turnsDuring(() => buildIndexSliced(entities, { sliceMs: 0, stats }));
  assert.ok(stats.yields >= 4000 / 8, `${stats.yields} yields`);
  assert.ok(sliced >= stats.yields, `${sliced} turns of the loop for ${stats.yields} yields`);
  // The control: the same build at once lets no callback run until it is over.
  const atOnce = await turnsDuring(async () => buildIndex(entities));
  assert.equal(atOnce, 0);
});

test('the deletion-key sort (native runs, checkpointed merges) sorts like a native sort', () => {
  for (const n of [0, 1, 16383, 16384, 16385, 70_001]) {
    let s = n * 7919 + 1;
    const values = Float64Array.from({ length: n }, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s * 2097152 + (s % 2097152);
    });
    const expected = Float64Array.from(values).sort();
    assert.deepStrictEqual(runAtOnce(sortSteps(values)), expected, `n = ${n}`);
  }
});

test('an aborted build stops at its next slice and rejects, never finishing', async () => {
  const closing = new AbortController();
  const stats: SliceStats = { yields: 0, longestMs: 0 };
  const building = buildIndexSliced(filler(400), { sliceMs: 0, stats, signal: closing.signal });
  await new Promise((r) => setImmediate(r));
  closing.abort(new Error('closed'));
  await assert.rejects(building, /closed/);
  assert.ok(stats.yields < 400 / 8, `stopped after ${stats.yields} of at least 50 yields`);
});
