import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailable } from '../../src/db/unavailable.ts';

test('connection failures and server shutdown codes read as the database being unavailable', () => {
  assert.equal(isDatabaseUnavailable({ code: 'ECONNREFUSED' }), true);
  assert.equal(isDatabaseUnavailable({ code: '57P01' }), true);
  assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
});

test('a query error from a reachable database is not unavailability', () => {
  assert.equal(isDatabaseUnavailable({ code: '23505', message: 'duplicate key value' }), false);
  assert.equal(isDatabaseUnavailable(new Error('syntax error at or near "SELEC"')), false);
  assert.equal(isDatabaseUnavailable(undefined), false);
});
