import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { combineFragments, runFragments, UNPREPARED_WRITES } from '../../src/db/fragments.ts';
import type { Queryable } from '../../src/db/pool.ts';

describe('combineFragments (pure)', () => {
  test('each fragment becomes a CTE in order, its $n renumbered after the earlier fragments’ parameters', () => {
    const { text, values } = combineFragments([
      { name: 'a_new', sql: 'INSERT INTO a (x, y) VALUES ($1, $2) RETURNING x', params: [1, 2] },
      { name: 'b_new', sql: 'INSERT INTO b (x) SELECT $1 FROM a_new WHERE x = $1', params: ['p'] },
    ]);
    assert.equal(
      text,
      'WITH a_new AS (INSERT INTO a (x, y) VALUES ($1, $2) RETURNING x),\n' +
        'b_new AS (INSERT INTO b (x) SELECT $3 FROM a_new WHERE x = $3)\nSELECT true AS ok',
    );
    assert.deepEqual(values, [1, 2, 'p']);
  });

  test('an expectation is checked by the main query with its own three parameters', () => {
    const { text, values } = combineFragments([
      {
        name: 'head',
        sql: 'UPDATE h SET n = $1 RETURNING 1',
        params: [5],
        expect: { rows: 1, code: 'TSA01', message: 'moved' },
      },
      { name: 'rows_new', sql: 'INSERT INTO r VALUES ($1)', params: ['x'] },
    ]);
    assert.match(
      text,
      /\nSELECT tradescreen_expect\(\(SELECT count\(\*\) FROM head\) = \$3::bigint, \$4, \$5\) AS ok$/,
    );
    assert.deepEqual(values, [5, 'x', 1, 'TSA01', 'moved']);
  });

  test('two fragments of one name are refused: a later CTE would read the wrong one', () => {
    assert.throws(
      () =>
        combineFragments([
          { name: 'x', sql: 'SELECT 1', params: [] },
          { name: 'x', sql: 'SELECT 2', params: [] },
        ]),
      /two fragments named x/,
    );
  });
});

describe('runFragments', () => {
  test('the first writes of a process are planned each time; later ones run one prepared statement', async () => {
    const sent: { name?: string; text: string }[] = [];
    const db = {
      query: async (config: { name?: string; text: string }) => sent.push(config),
    } as unknown as Queryable;
    const write = [{ name: 'a_new', sql: 'INSERT INTO a (x) VALUES ($1)', params: [1] }];
    for (let i = 0; i < UNPREPARED_WRITES + 2; i++) await runFragments(db, write);
    assert.equal(sent.filter((c) => c.name === undefined).length, UNPREPARED_WRITES);
    const named = sent.slice(UNPREPARED_WRITES);
    assert.equal(named.length, 2);
    assert.match(named[0]!.name!, /^fragments_[0-9a-f]{24}$/);
    assert.equal(named[1]!.name, named[0]!.name, 'one name per text: prepared once per connection');
    assert.equal(named[0]!.text, sent[0]!.text);
  });
});
