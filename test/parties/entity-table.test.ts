import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EntityTable } from '../../src/parties/entity-table.ts';
import { buildIndex } from '../../src/parties/index.ts';
import { mk } from './fixtures.ts';

const withoutRaw = ({ raw: _raw, ...rest }: ReturnType<typeof mk>) => rest;

describe('entity table', () => {
  const entries = [
    mk('A1', 'ООО ЗВЕЗДА', { countries: ['RU'], raw: { record: 'the source row' } }),
    mk('A2', 'شركة النور للتجارة', {
      aliases: [{ value: 'AL NOOR TRADING', quality: 'weak', script: 'Latn' }],
    }),
    mk('A3', '北京华为', {
      identifiers: [{ type: 'lei', value: '5493001KJTIIGC8Y1R12' }],
      listedOn: undefined,
    }),
  ];

  test('gives back each entry as it went in, in order, without its source record', () => {
    const table = EntityTable.of(entries);
    assert.equal(table.length, 3);
    entries.forEach((e, i) => {
      const got = table.get(i);
      assert.deepEqual(got, JSON.parse(JSON.stringify(withoutRaw(e))));
      assert.equal('raw' in got, false);
    });
  });

  test('every read is a fresh object: a caller changing one does not change the table', () => {
    const table = EntityTable.of(entries);
    const first = table.get(0);
    first.name = 'CHANGED';
    first.countries.push('XX');
    assert.equal(table.get(0).name, 'ООО ЗВЕЗДА');
    assert.deepEqual(table.get(0).countries, ['RU']);
  });

  test('concatenated tables read across their parts, empty ones included', () => {
    const table = EntityTable.concat([
      EntityTable.of(entries.slice(0, 1)),
      EntityTable.of([]),
      EntityTable.of(entries.slice(1)),
    ]);
    assert.equal(table.length, 3);
    assert.deepEqual(
      [0, 1, 2].map((i) => table.get(i).entryId),
      ['A1', 'A2', 'A3'],
    );
    assert.equal(EntityTable.concat([]).length, 0);
  });

  test('a table larger than one buffer chunk reads back every entry', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      mk(`B${i}`, `ЭНТИТИ ${i}`, { remarks: `${'ж'.repeat(i % 7)}${'x'.repeat(4000)}` }),
    );
    const table = EntityTable.of(many);
    assert.equal(table.length, many.length);
    for (const i of [0, 1, 999, 1500, 2047, 2048, 2999]) {
      assert.deepEqual(table.get(i), JSON.parse(JSON.stringify(withoutRaw(many[i]!))));
    }
  });

  test('an index out of range is an error, not undefined', () => {
    const table = EntityTable.of(entries);
    for (const i of [-1, 3, 1.5, Number.NaN]) assert.throws(() => table.get(i), RangeError);
  });

  test('an index built from a table explains hits from the entries it holds', () => {
    const index = buildIndex(
      EntityTable.concat([EntityTable.of(entries.slice(0, 2)), EntityTable.of(entries.slice(2))]),
    );
    const [hit] = index.search({ name: 'OOO ZVEZDA', country: 'RU' });
    assert.ok(hit);
    assert.equal(hit.entryId, 'A1');
    assert.equal(hit.name, 'ООО ЗВЕЗДА');
    assert.deepEqual(hit.programs, ['TEST-PROGRAM']);
    assert.equal(index.stats().entities, 3);
  });
});
