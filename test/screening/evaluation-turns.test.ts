import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inEvaluationTurn } from '../../src/screening/evaluation-turns.ts';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

test('queued evaluations run in order, several per loop turn, with I/O polled between slices', async () => {
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  let probeSawDone = -1;
  let done = 0;
  const jobs = Array.from({ length: 200 }, (_, i) =>
    inEvaluationTurn(() => {
      busy(0.1);
      done++;
      return { i, turn };
    }),
  );
  // Queued behind the first slice: it must run before the last evaluation, not after all 20 ms of them.
  setImmediate(() => {
    probeSawDone = done;
  });
  const results = await Promise.all(jobs);
  ticking = false;
  assert.deepEqual(
    results.map((r) => r.i),
    jobs.map((_, i) => i),
  );
  const slices = new Set(results.map((r) => r.turn)).size;
  assert.ok(slices > 1, `the queue was cut into slices (${slices})`);
  assert.ok(slices < results.length / 2, `several evaluations per slice (${slices} slices for 200)`);
  assert.ok(probeSawDone > 0 && probeSawDone < 200, `I/O ran between slices (after ${probeSawDone})`);
});

test('an evaluation that throws rejects its own caller only', async () => {
  const outcomes = await Promise.allSettled([
    inEvaluationTurn(() => 1),
    inEvaluationTurn(() => {
      throw new Error('bad request');
    }),
    inEvaluationTurn(() => 3),
  ]);
  assert.deepEqual(
    outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)),
    [1, 'bad request', 3],
  );
});

test('a backlog of thousands keeps its order while done jobs are dropped from the queue', async () => {
  const n = 5000;
  const jobs = Array.from({ length: n }, (_, i) =>
    inEvaluationTurn(() => {
      busy(0.005);
      return i;
    }),
  );
  assert.deepEqual(
    await Promise.all(jobs),
    jobs.map((_, i) => i),
  );
});
