import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeQueueCursor, encodeQueueCursor } from '../../src/reviews/queue-cursor.ts';
import { planQueue } from '../../src/reviews/queue-plan.ts';
import type { ScreeningRow } from '../../src/screening/screening-store.ts';

const row = (id: string, reference: string | null, decision: 'clear' | 'review' | 'block', second: number) =>
  ({
    id,
    tenantId: 't1',
    reference,
    decision,
    screenedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
    sources: decision === 'clear' ? [] : ['us-ofac-sdn'],
    partyNames: `${id} Ltd`,
    result: {
      findings:
        decision === 'clear'
          ? []
          : [
              {
                id: `f-${id}`,
                kind: 'party_match',
                severity: decision,
                reason: 'matches',
                source: 'us-ofac-sdn',
              },
            ],
    },
  }) as unknown as ScreeningRow;

describe('planQueue', () => {
  test("an item is filed under the lists it has hits of, not a stale list's note", () => {
    const r = row('s', 'PO-9', 'review', 1);
    const findings = [
      { id: 'n', kind: 'list_coverage', severity: 'info', source: 'un-sc', reason: 'stale' },
      {
        id: 'm',
        kind: 'party_match',
        severity: 'review',
        source: 'us-ofac-sdn',
        entry: { id: '1', name: 'X' },
        reason: 'r',
      },
    ];
    const stale = {
      ...r,
      sources: ['un-sc', 'us-ofac-sdn'],
      result: { ...r.result, findings },
    } as ScreeningRow;
    assert.deepEqual(planQueue([stale]).entries[0]?.sources, ['us-ofac-sdn']);
  });

  test('only screenings that wait for an officer enter; each reference is superseded in arrival order', () => {
    const plan = planQueue([
      row('a', 'PO-1', 'review', 1),
      row('b', null, 'block', 2),
      row('c', 'PO-1', 'clear', 3),
      row('d', 'PO-1', 'block', 4),
      row('e', 'PO-2', 'clear', 5),
    ]);
    assert.deepEqual(
      plan.entries.map((e) => [
        e.screeningId,
        e.supersedes,
        e.supersededBy,
        e.supersededAt !== null,
        e.firstOfReference,
      ]),
      [
        ['a', null, 'c', true, true],
        ['b', null, null, false, false],
        ['d', 'c', null, false, false],
      ],
    );
    // The first of each reference closes whatever item of it is already open: a clear re-screen too.
    assert.deepEqual(
      plan.supersessions.map((s) => [s.reference, s.screeningId]),
      [
        ['PO-1', 'a'],
        ['PO-2', 'e'],
      ],
    );
  });

  test('a review decision with nothing left to dispose of does not wait', () => {
    const resolved = {
      ...row('x', 'PO-9', 'review', 1),
      result: { findings: [] },
    } as unknown as ScreeningRow;
    assert.deepEqual(planQueue([resolved]).entries, []);
  });
});

describe('queue cursors', () => {
  const position = {
    at: '2026-01-01T00:00:00.123456Z',
    id: '01a24e51-13ff-7fdb-8a2f-9cc2bfc379dc',
    severity: 2,
  };

  test('round-trip, in the sort and direction they were made for', () => {
    const s = encodeQueueCursor({ sort: 'severity', backwards: true, position });
    assert.deepEqual(decodeQueueCursor(s, 'severity'), { sort: 'severity', backwards: true, position });
  });

  test('another sort, or anything that is not a cursor, is a 400 naming the cursor', () => {
    const s = encodeQueueCursor({ sort: 'oldest', backwards: false, position });
    for (const [bad, sort] of [
      [s, 'newest'],
      ['', 'oldest'],
      ['not base64 json', 'oldest'],
      [
        Buffer.from(JSON.stringify(['oldest', 'a', 'yesterday', position.id, 1])).toString('base64url'),
        'oldest',
      ],
      [
        Buffer.from(JSON.stringify(['oldest', 'a', position.at, "x' OR 1=1", 1])).toString('base64url'),
        'oldest',
      ],
    ] as const) {
      assert.throws(
        () => decodeQueueCursor(bad, sort),
        (e: { status?: number; errors?: { pointer: string }[] }) =>
          e.status === 400 && e.errors?.[0]?.pointer === '/cursor',
      );
    }
  });
});
