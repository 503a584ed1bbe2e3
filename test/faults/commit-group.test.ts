import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCommitGroups } from '../../src/screening/commit-group.ts';

// Group commit must keep each caller's answer tied to the COMMIT holding its own row, and must not let one
// bad row fail the screenings that happened to share its transaction.
type Row = { tenantId: string; n: number };

test('screenings arriving while a transaction is in flight are written together in the next one', async () => {
  const commits: number[][] = [];
  let release: (() => void) | undefined;
  const groups = createCommitGroups<Row>(async (rows) => {
    commits.push(rows.map((r) => r.n));
    if (commits.length === 1) await new Promise<void>((r) => (release = r));
  });
  const done: number[] = [];
  const all = [1, 2, 3, 4].map((n) => groups.submit({ tenantId: 't', n }).then(() => done.push(n)));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(commits, [[1]], 'the first starts at once, alone');
  assert.deepEqual(done, [], 'nothing resolves before its commit');
  release!();
  await Promise.all(all);
  assert.deepEqual(commits, [[1], [2, 3, 4]]);
  assert.deepEqual(done, [1, 2, 3, 4]);
});

test('tenants do not wait for each other', async () => {
  const seen: string[] = [];
  let release: (() => void) | undefined;
  const groups = createCommitGroups<Row>(async (rows) => {
    seen.push(rows[0]!.tenantId);
    if (rows[0]!.tenantId === 'a') await new Promise<void>((r) => (release = r));
  });
  const a = groups.submit({ tenantId: 'a', n: 1 });
  await groups.submit({ tenantId: 'b', n: 2 });
  assert.deepEqual(seen, ['a', 'b']);
  release!();
  await a;
});

test('a row that fails its group is retried alone: only its own caller gets the error', async () => {
  const commits: number[][] = [];
  let release: (() => void) | undefined;
  const groups = createCommitGroups<Row>(async (rows) => {
    commits.push(rows.map((r) => r.n));
    if (commits.length === 1) await new Promise<void>((r) => (release = r));
    if (rows.some((r) => r.n === 3)) throw new Error('bad row 3');
  });
  const results = [1, 2, 3, 4].map((n) =>
    groups.submit({ tenantId: 't', n }).then(
      () => 'ok',
      (e: Error) => e.message,
    ),
  );
  await new Promise((r) => setImmediate(r));
  release!();
  assert.deepEqual(await Promise.all(results), ['ok', 'ok', 'bad row 3', 'ok']);
  assert.deepEqual(commits, [[1], [2, 3, 4], [2], [3], [4]]);
});

test('an unavailable database fails the whole group at once, without a retry storm', async () => {
  let calls = 0;
  let release: (() => void) | undefined;
  const groups = createCommitGroups<Row>(async () => {
    calls++;
    if (calls === 1) await new Promise<void>((r) => (release = r));
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  const results = [1, 2, 3].map((n) =>
    groups.submit({ tenantId: 't', n }).then(
      () => 'ok',
      (e: { code?: string }) => e.code,
    ),
  );
  await new Promise((r) => setImmediate(r));
  release!();
  assert.deepEqual(await Promise.all(results), ['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
  assert.equal(calls, 2, 'one transaction for the first, one for the group of two');
});
