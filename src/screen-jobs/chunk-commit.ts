import type { Chunk } from '../contract/screen-job-chunk.ts';
import type { Finding } from '../contract/screening-types.ts';
import type { Fragment } from '../db/fragments.ts';
import type { ScreeningRow } from '../screening/screening-store.ts';
import { SEVERITY_RANK } from '../severity/severity.ts';
import { chunkFragments } from './screen-job-store.ts';
import type { RowResult } from './types.ts';

export type { Chunk };

/** Stands in for a row that failed inside screening until its own problem is written after COMMIT. */
export const SCREENING_FAILED = {
  type: 'https://tradescreen.dev/problems/bad-request',
  title: 'Bad Request',
  status: 400,
  detail: 'This row could not be screened',
};

export function strongestFinding(findings: Finding[]) {
  let best: Finding | undefined;
  for (const f of findings) {
    if (f.suppressed) continue;
    const r = SEVERITY_RANK[f.severity] ?? 0;
    if (
      !best ||
      r > (SEVERITY_RANK[best.severity] ?? 0) ||
      (r === SEVERITY_RANK[best.severity] && (f.score ?? 0) > (best.score ?? 0))
    )
      best = f;
  }
  if (!best) return null;
  return {
    kind: best.kind,
    severity: best.severity,
    ...(best.source ? { source: best.source } : {}),
    ...(best.entry ? { entryId: best.entry.id, entryName: best.entry.name } : {}),
    ...(best.score !== undefined ? { score: best.score } : {}),
  };
}

/**
 * A chunk's results and its progress, as fragments of the statement that stores the chunk's screenings (the
 * chunk is handed to screenMany, see src/writes/screening-write.ts, so screenings and progress commit
 * together), or on their own when no row of the chunk reached storage. That statement fails when another run
 * already committed the chunk: the screenings roll back. Asked again for a statement retried after the audit
 * head moved, it returns the same fragments.
 */
export function commitChunkFragments(chunk: Chunk, stored: readonly ScreeningRow[]): Fragment[] {
  const byRequest = new Map(stored.map((r) => [r.request, r] as const));
  const counts = { clear: 0, review: 0, block: 0, error: 0 };
  const results: RowResult[] = chunk.rows.map((row) => {
    const s = row.req ? byRequest.get(row.req) : undefined;
    if (!s) {
      counts.error++;
      return {
        rowNo: row.rowNo,
        reference: row.reference,
        screeningId: null,
        decision: null,
        strongest: null,
        error: row.error ?? SCREENING_FAILED,
      };
    }
    counts[s.decision as 'clear' | 'review' | 'block']++;
    return {
      rowNo: row.rowNo,
      reference: row.reference,
      screeningId: s.id,
      decision: s.decision,
      strongest: strongestFinding(s.result.findings),
      error: null,
    };
  });
  return chunkFragments(chunk.jobId, chunk.from, chunk.to, counts, results);
}
