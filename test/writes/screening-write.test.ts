import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GENESIS_HASH } from '../../src/audit/chain-hash.ts';
import type { ScreenRequest } from '../../src/contract/screening-types.ts';
import { combineFragments } from '../../src/db/fragments.ts';
import { DEFAULT_POLICY } from '../../src/policy/policy.ts';
import type { Chunk } from '../../src/screen-jobs/chunk-commit.ts';
import type { ScreeningRow } from '../../src/screening/screening-store.ts';
import { screeningWrite } from '../../src/writes/screening-write.ts';

const AT = '2026-12-01T10:00:00.000Z';
function row(id: string, request: ScreenRequest): ScreeningRow {
  const result = {
    id,
    reference: null,
    decision: 'clear' as const,
    screenedAt: AT,
    date: '2026-12-01',
    listVersions: [],
    policy: { ...DEFAULT_POLICY, version: 1 },
    findings: [],
  };
  return {
    id,
    tenantId: 'tenant-w',
    apiKeyId: 'key_w',
    reference: null,
    decision: 'clear',
    screenedAt: AT,
    policyVersion: 1,
    request,
    result,
    partyNames: request.parties.map((p) => p.name).join(' || '),
    sources: [],
    entryIds: [],
    idempotencyKey: null,
    requestJson: JSON.stringify(request),
    requestHash: 'a'.repeat(64),
    resultJson: JSON.stringify(result),
    resultHash: 'b'.repeat(64),
    auditSeq: 0,
  };
}

/** The CTE names of the one statement, in the order it runs them. */
const cteOrder = (text: string) => [...text.matchAll(/^(?:WITH )?([a-z_]+) AS \(/gm)].map((m) => m[1]);
const head = { seq: 41, hash: GENESIS_HASH };

describe('screeningWrite: the parts of the one statement, in order', () => {
  test('every part present: audit head, events, screenings, names, hits, review state, monitored, job chunk', () => {
    const monitored = row('00000000-0000-7000-8000-000000000001', {
      parties: [{ name: 'Karakum Logistics LLP', role: 'customer', kind: 'organization' }],
      options: { monitor: true },
    });
    const plain = row('00000000-0000-7000-8000-000000000002', {
      parties: [{ name: 'Severnaya Zvezda', role: 'customer', kind: 'organization' }],
    });
    const chunk: Chunk = {
      jobId: 'job_w',
      from: 0,
      to: 2,
      rows: [
        { rowNo: 1, reference: null, req: monitored.request },
        { rowNo: 2, reference: null, req: plain.request },
      ],
    };
    const write = screeningWrite([monitored, plain], head, chunk);
    const { text } = combineFragments(write.fragments);
    assert.deepEqual(cteOrder(text), [
      'audit_head',
      'audit_events',
      'screenings_new',
      'party_names_new',
      'party_hits_new',
      'review_states_put',
      'monitored_parties_new',
      'job_progress',
      'job_results',
    ]);
    // Each row carries the seq of its own audit event, and the head moves past both.
    assert.deepEqual([monitored.auditSeq, plain.auditSeq, write.head.seq], [42, 43, 43]);
  });

  test('a part with no rows is left out: no monitored party, no job chunk, no name to index', () => {
    const write = screeningWrite(
      [
        row('00000000-0000-7000-8000-000000000003', {
          parties: [{ name: '---', role: 'customer', kind: 'organization' }],
        }),
      ],
      head,
    );
    assert.deepEqual(cteOrder(combineFragments(write.fragments).text), [
      'audit_head',
      'audit_events',
      'screenings_new',
      'review_states_put',
    ]);
  });

  test('the statement text does not depend on the number of rows (it is prepared once per text)', () => {
    const one = screeningWrite(
      [
        row('00000000-0000-7000-8000-000000000004', {
          parties: [{ name: 'A Co', role: 'customer', kind: 'organization' }],
        }),
      ],
      head,
    );
    const two = screeningWrite(
      [
        row('00000000-0000-7000-8000-000000000005', {
          parties: [{ name: 'B Co', role: 'customer', kind: 'organization' }],
        }),
        row('00000000-0000-7000-8000-000000000006', {
          parties: [{ name: 'C Co', role: 'customer', kind: 'organization' }],
        }),
      ],
      head,
    );
    assert.equal(combineFragments(one.fragments).text, combineFragments(two.fragments).text);
  });
});
