import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { type ListEntity, newParseReport } from '../../src/entity/list-entity.ts';
import { source as unSource } from '../../src/lists/sources/un-sc/index.ts';
import { source as sdnSource } from '../../src/lists/sources/us-ofac-sdn/index.ts';
import { assembleIndexSteps } from '../../src/parties/assemble-index.ts';
import { buildIndexData } from '../../src/parties/build-index.ts';
import { EntityTable } from '../../src/parties/entity-table.ts';
import type { IndexData } from '../../src/parties/index-data.ts';
import { indexOver } from '../../src/parties/match-index.ts';
import { type PreparedSource, prepareSourceSteps } from '../../src/parties/prepare-source.ts';
import { runAtOnce } from '../../src/parties/slices.ts';
import { tokenizeName } from '../../src/parties/tokenize.ts';
import { ENTRIES, filler, mk } from './fixtures.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

async function read(src: typeof unSource, path: string): Promise<ListEntity[]> {
  const out: ListEntity[] = [];
  for await (const e of src.read(resolve(FIXTURES, path), newParseReport())) out.push(e);
  return out;
}

/**
 * Lists that share strings in every way the assembly must get right: the same names in two lists, a string
 * that one list has only as a glued pair ("cedar harbor" → "cedarharbor") and a later one as a token, after
 * a string of its own one deletion away (so the two share a deletion hash, and the later list's order of them
 * is not the index's), the same identifier in two lists, and filler that makes "trading" common only once
 * the lists are together.
 */
async function lists(): Promise<ListEntity[][]> {
  return [
    [...ENTRIES, mk('G1', 'CEDAR HARBOR SHIPPING', { identifiers: [{ type: 'imo', value: '9123456' }] })],
    await read(unSource, 'un-sc/consolidated.xml'),
    [
      mk('G3', 'CEDARHARBORZ'),
      mk('G2', 'CEDARHARBOR', { identifiers: [{ type: 'imo', value: '9123456' }] }),
      ...filler(300),
    ],
    await read(sdnSource, 'us-ofac-sdn/csv'),
    [...ENTRIES.slice(0, 3), ...filler(120)],
  ];
}

/**
 * Field by field, typed arrays element by element: a difference is named at once (deepStrictEqual's diff of
 * two large typed arrays takes minutes to print).
 */
function assertSameIndex(a: Omit<IndexData, 'buildMs'>, b: Omit<IndexData, 'buildMs'>): void {
  assert.deepStrictEqual(Object.keys(a).sort(), Object.keys(b).sort());
  for (const key of Object.keys(a) as (keyof typeof a)[]) {
    const x = a[key];
    const y = b[key];
    if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
      const [xs, ys] = [x as unknown as ArrayLike<number>, y as unknown as ArrayLike<number>];
      assert.equal(xs.length, ys.length, `${key}: length`);
      for (let i = 0; i < xs.length; i++)
        if (xs[i] !== ys[i]) assert.fail(`${key}[${i}]: ${xs[i]} ≠ ${ys[i]}`);
    } else assert.deepStrictEqual(x, y, key);
  }
}

const prepare = (entities: readonly ListEntity[]) => runAtOnce(prepareSourceSteps(EntityTable.of(entities)));

/** The assembled parts with the concatenated table, as a build over that table returns them. */
function assembled(parts: readonly PreparedSource[], entities: ListEntity[][]): Omit<IndexData, 'buildMs'> {
  const { buildMs: _ms, ...rest } = runAtOnce(assembleIndexSteps(parts));
  return { ...rest, entities: EntityTable.of(entities.flat()) };
}
function whole(entities: ListEntity[][]): Omit<IndexData, 'buildMs'> {
  const { buildMs: _ms, ...rest } = buildIndexData(EntityTable.of(entities.flat()));
  return rest;
}

test('an index assembled from lists prepared apart is the index built over all of them at once', async () => {
  const all = await lists();
  const parts = all.map(prepare);
  const glued = whole(all);
  // The first list has "cedar harbor" only as a glued pair, the third has it as a token: its neighbourhood
  // comes from the third list, under the id the first one gave it.
  const s = tokenizeName('CEDARHARBOR').skels[0]!;
  const first = parts[0]!.vocab.indexOf(s);
  assert.ok(first >= 0 && !parts[0]!.tokVocab.includes(first), `${s} glue-only in the first list`);
  const v = glued.vocabMap.get(s)!;
  assert.ok(glued.df[v]! > 0 && glued.delVocab.includes(v), `${s} a token with a neighbourhood`);
  assertSameIndex(assembled(parts, all), glued);
});

test('kept parts assemble again in another order, with one list changed, as a fresh build does', async () => {
  const all = await lists();
  const parts = all.map(prepare);
  runAtOnce(assembleIndexSteps(parts)); // an assembly must leave its parts as they were
  const changed = [all[3]!, all[0]!, all[2]!.slice(0, -5), all[1]!];
  const again = [parts[3]!, parts[0]!, prepare(changed[2]!), parts[1]!];
  assertSameIndex(assembled(again, changed), whole(changed));
  const index = indexOver({
    ...runAtOnce(assembleIndexSteps(again)),
    entities: EntityTable.of(changed.flat()),
  });
  const fresh = indexOver(buildIndexData(changed.flat()));
  for (const name of ['Bitteria', 'Cedar Harbour', 'ZARYA SHIPPING', 'Alpha Cedar Trading Beograd']) {
    assert.deepStrictEqual(index.search({ name }, { minScore: 0 }), fresh.search({ name }, { minScore: 0 }));
  }
});

test('an assembly of no lists is the empty index', () => {
  assertSameIndex(assembled([], []), whole([]));
});
