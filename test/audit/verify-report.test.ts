import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_PROBLEMS, ProblemLog, sameInstant } from '../../src/audit/verify-report.ts';

describe('verify report', () => {
  test('lists at most MAX_PROBLEMS problems and says when it left some out', () => {
    const log = new ProblemLog();
    for (let i = 0; i < MAX_PROBLEMS; i++)
      log.add({ table: 'screenings', id: `s${i}`, field: null, detail: 'x' });
    assert.equal(log.truncated, false);
    log.add({ table: 'screenings', id: 'one too many', field: null, detail: 'x' });
    assert.equal(log.items.length, MAX_PROBLEMS);
    assert.equal(log.truncated, true);
    assert.ok(!log.items.some((p) => p.id === 'one too many'));
  });

  test('the first broken event is the earliest by seq, whatever order the checks reported in', () => {
    const log = new ProblemLog();
    log.add({ table: 'alert_reviews', id: 'ar_1', field: 'note', detail: 'late' }, { id: 90, seq: 9 });
    log.add({ table: 'screenings', id: 's', field: 'decision', detail: 'early' }, { id: 30, seq: 3 });
    log.add({ table: 'screening_reviews', id: 'r', field: 'note', detail: 'middle' }, { id: 50, seq: 5 });
    assert.equal(log.first?.id, 30);
    assert.equal(log.first?.problem.detail, 'early');
    assert.deepEqual(
      log.items.map((p) => p.eventSeq),
      [9, 3, 5],
    );
  });

  test('a problem with no event (an unvouched row) does not become the first broken event', () => {
    const log = new ProblemLog();
    log.add({ table: 'screenings', id: 's', field: null, detail: 'no event vouches for this row' });
    assert.equal(log.first, null);
    assert.equal(log.items[0]?.eventSeq, null);
  });

  test('differs shows the stored value and the recorded one', () => {
    const log = new ProblemLog();
    log.differs('screenings', 's', 'decision', 'clear', 'block', { id: 1, seq: 1 });
    assert.equal(log.items[0]?.detail, 'decision is "clear", its audit event records "block"');
  });

  test('instants compare by time, not by text', () => {
    assert.ok(sameInstant('2026-01-02T03:04:05.678Z', '2026-01-02T04:04:05.678+01:00'));
    assert.ok(!sameInstant('2026-01-02T03:04:05.678Z', '2026-01-02T03:04:05.679Z'));
    assert.ok(!sameInstant(null, '2026-01-02T03:04:05.678Z'));
    assert.ok(sameInstant(null, null));
  });
});
