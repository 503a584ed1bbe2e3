import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TenantGoodsRow } from '../../src/goods/index.ts';
import type { GoodsTableStore, VersionRef } from '../../src/goods-tables/goods-table-store.ts';
import { createTablesInForce } from '../../src/goods-tables/tables-in-force.ts';

/** A store that counts version reads; `refs` is what the per-screening query answers. */
function fakeStore(rowsPer: Record<string, number>) {
  const reads: string[] = [];
  const refReads: (string | undefined)[] = [];
  let refs: VersionRef[] = [];
  let failNext = false;
  const store = {
    inForce: async (_tenantId: string, asOf?: string) => {
      refReads.push(asOf);
      return refs;
    },
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
    refReads,
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
    const tables = createTablesInForce(fake.store, 6);
    // Each change of versions here stands for an upload in this process, which forgets the tenant's versions.
    const inForce = (tenantId: string) => {
      tables.forget(tenantId);
      return tables.inForce(tenantId);
    };
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
    const { inForce } = createTablesInForce(fake.store);
    fake.use(['a', 1]);
    fake.failOnce();
    await assert.rejects(inForce('t'), /connection lost/);
    assert.equal((await inForce('t'))[0]?.rows.length, 1);
    assert.deepEqual(fake.reads, ['a@1', 'a@1']);
  });

  test('which versions are latest is read once per tenant for a short while, at once after an upload, always for asOf', async () => {
    const fake = fakeStore({ a: 1 });
    const tables = createTablesInForce(fake.store);
    fake.use(['a', 1]);
    await tables.inForce('t');
    await tables.inForce('t');
    assert.deepEqual(fake.refReads, [undefined]);
    // Another tenant has its own.
    await tables.inForce('u');
    assert.equal(fake.refReads.length, 2);
    // An upload in this process: the next screening reads the versions, and uses the new one.
    fake.use(['a', 2]);
    tables.forget('t');
    assert.equal((await tables.inForce('t'))[0]?.version, 2);
    assert.equal(fake.refReads.length, 3);
    // A screening as of a date reads the versions of that date every time.
    await tables.inForce('t', '2024-01-01');
    await tables.inForce('t', '2024-01-01');
    assert.deepEqual(fake.refReads.slice(3), ['2024-01-01', '2024-01-01']);
  });
});
