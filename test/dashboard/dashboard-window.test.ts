import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backlogOf, densePerDay, inUseSince, windowStart } from '../../src/dashboard/dashboard-window.ts';

describe('dashboard window', () => {
  test('starts at midnight UTC of the first of `days` days ending today', () => {
    const now = Date.parse('2026-03-01T23:59:00Z');
    assert.equal(new Date(windowStart(now, 1)).toISOString(), '2026-03-01T00:00:00.000Z');
    // 2026 is not a leap year: three days back from 1 March crosses 28 February.
    assert.equal(new Date(windowStart(now, 3)).toISOString(), '2026-02-27T00:00:00.000Z');
  });

  test('fills every day, adds decisions into their day and ignores days outside the window', () => {
    const from = Date.parse('2026-02-27T00:00:00Z');
    const out = densePerDay(
      from,
      3,
      [
        { day: '2026-02-28', decision: 'review', n: 2 },
        { day: '2026-02-28', decision: 'clear', n: 5 },
        { day: '2026-02-26', decision: 'block', n: 9 },
      ],
      [
        { day: '2026-03-01', n: 4 },
        { day: '2026-02-26', n: 8 },
      ],
    );
    assert.deepEqual(out, [
      { date: '2026-02-27', screenings: 0, clear: 0, review: 0, block: 0, reviews: 0 },
      { date: '2026-02-28', screenings: 7, clear: 5, review: 2, block: 0, reviews: 0 },
      { date: '2026-03-01', screenings: 0, clear: 0, review: 0, block: 0, reviews: 4 },
    ]);
  });

  test('always answers the four backlog buckets, youngest first', () => {
    const b = backlogOf([
      { bucket: 'gt7d', status: 'open', n: 3 },
      { bucket: 'lt1d', status: 'in_review', n: 1 },
    ]);
    assert.equal(b.total, 4);
    assert.deepEqual(
      b.buckets.map((x) => [x.bucket, x.open, x.inReview]),
      [
        ['lt1d', 0, 1],
        ['1to3d', 0, 0],
        ['3to7d', 0, 0],
        ['gt7d', 3, 0],
      ],
    );
  });

  test('keeps a version that was in use at any moment of the window', () => {
    const from = Date.parse('2026-02-01T00:00:00Z');
    assert.equal(inUseSince({ activatedAt: null, deactivatedAt: null }, from), false);
    assert.equal(inUseSince({ activatedAt: '2025-01-01T00:00:00Z', deactivatedAt: null }, from), true);
    assert.equal(
      inUseSince({ activatedAt: '2025-01-01T00:00:00Z', deactivatedAt: '2026-01-31T23:59:59Z' }, from),
      false,
    );
    assert.equal(
      inUseSince({ activatedAt: '2025-01-01T00:00:00Z', deactivatedAt: '2026-02-03T00:00:00Z' }, from),
      true,
    );
  });
});
