import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TenantGoodsRow } from '../../src/goods/index.ts';
import type { GoodsTableStore, VersionRef } from '../../src/goods-tables/goods-table-store.ts';
import { createTablesInForce } from '../../src/goods-tables/tables-in-force.ts';

/** A store that counts version reads; `refs` is what the per-screening query answers. */
function fakeStore(rowsPer: Record<string, number>) {
  const reads: string[] = [];
  let refs: VersionRef[] = [];
  let failNext = false;
  const store = {
    inForce: async () => refs,
    version: async (tableId: string, version: number) => {
      reads.push(`${tableId}@${version}`);
      if (failNext) {
        failNext = false;
        throw new Error('connection lost');
      }
      const rowList = Array.from(
        { length: rowsPer[tableId] ?? 0 },
        (_, i) => ({ line: i + 2 }) as TenantGoodsRow,
      );
      return { rowList };
    },
  } as unknown as GoodsTableStore;
  return {
    store,
    reads,
    use: (...r: [string, number][]) => {
      refs = r.map(([tableId, version]) => ({ tableId, name: tableId, version }));
    },
    failOnce: () => {
      failNext = true;
    },
  };
}

describe('createTablesInForce', () => {
  test('a version is read once, a new version at once, the least recently used is dropped past the budget', async () => {
    const fake = fakeStore({ a: 3, b: 3, c: 3 });
    const inForce = createTablesInForce(fake.store, 6);
    fake.use(['a', 1], ['b', 1]);
    await inForce('t');
    const again = await inForce('t');
    assert.deepEqual(fake.reads, ['a@1', 'b@1']);
    assert.deepEqual(
      again.map((x) => [x.tableId, x.version, x.rows.length]),
      [
        ['a', 1, 3],
        ['b', 1, 3],
      ],
    );
    // a is used again, then c arrives: b (least recently used) makes room.
    fake.use(['a', 1]);
    await inForce('t');
    fake.use(['c', 1]);
    await inForce('t');
    fake.use(['a', 1], ['b', 1], ['c', 1]);
    await inForce('t');
    assert.deepEqual(fake.reads, ['a@1', 'b@1', 'c@1', 'b@1']);
    fake.use(['a', 2]);
    await inForce('t');
    assert.equal(fake.reads.at(-1), 'a@2');
  });

  test('a failed read is not kept: the next screening reads again', async () => {
    const fake = fakeStore({ a: 1 });
    const inForce = createTablesInForce(fake.store);
    fake.use(['a', 1]);
    fake.failOnce();
    await assert.rejects(inForce('t'), /connection lost/);
    assert.equal((await inForce('t'))[0]?.rows.length, 1);
    assert.deepEqual(fake.reads, ['a@1', 'a@1']);
  });
});
