import type { Fragment } from '../db/fragments.ts';
import type { Queryable } from '../db/pool.ts';
import type { JobFormat, JobRow, RowResult } from './types.ts';

const toJob = (r: Record<string, unknown>): JobRow => ({
  id: r.id as string,
  tenantId: r.tenant_id as string,
  apiKeyId: r.api_key_id as string,
  format: r.format as JobFormat,
  csvHeader: (r.csv_header as string[] | null) ?? null,
  status: r.status as JobRow['status'],
  rowsTotal: r.rows_total as number,
  rowsDone: r.rows_done as number,
  counts: {
    clear: r.count_clear as number,
    review: r.count_review as number,
    block: r.count_block as number,
    error: r.count_error as number,
  },
  error: (r.error as string | null) ?? null,
  callbackUrl: (r.callback_url as string | null) ?? null,
  callbackSecret: (r.callback_secret as string | null) ?? null,
  callbackStatus: (r.callback_status as JobRow['callbackStatus']) ?? null,
  createdAt: r.created_at as string,
  finishedAt: (r.finished_at as string | null) ?? null,
});

const SELECT_JOB = `SELECT j.*, c.status AS callback_status FROM screen_jobs j
  LEFT JOIN screen_job_callbacks c ON c.job_id = j.id`;

/** SQLSTATE when a chunk's progress was already committed by another run: its screenings roll back with it. */
export const CHUNK_ALREADY_COMMITTED = 'TSJ01';

/**
 * A chunk's progress and per-row results, as fragments of the statement that stores its screenings. The
 * progress moves only if no other run committed the chunk first (rows_done still at `from`); otherwise the
 * whole statement fails, so no row is screened twice.
 */
export function chunkFragments(
  id: string,
  from: number,
  to: number,
  counts: { clear: number; review: number; block: number; error: number },
  results: readonly RowResult[],
): Fragment[] {
  const progress: Fragment = {
    name: 'job_progress',
    sql: `UPDATE screen_jobs SET rows_done = $3, status = 'running', count_clear = count_clear + $4,
            count_review = count_review + $5, count_block = count_block + $6, count_error = count_error + $7
          WHERE id = $1 AND rows_done = $2 RETURNING 1`,
    params: [id, from, to, counts.clear, counts.review, counts.block, counts.error],
    expect: {
      rows: 1,
      code: CHUNK_ALREADY_COMMITTED,
      message: `screening job ${id}: rows ${from + 1}–${to} were already committed`,
    },
  };
  if (results.length === 0) return [progress];
  return [
    progress,
    {
      name: 'job_results',
      sql: `INSERT INTO screen_job_results (job_id, row_no, reference, screening_id, decision, strongest, error)
            SELECT $1, * FROM unnest($2::int[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])`,
      params: [
        id,
        results.map((r) => r.rowNo),
        results.map((r) => r.reference),
        results.map((r) => r.screeningId),
        results.map((r) => r.decision),
        results.map((r) => (r.strongest === null ? null : JSON.stringify(r.strongest))),
        results.map((r) => (r.error === null ? null : JSON.stringify(r.error))),
      ],
    },
  ];
}

export function createScreenJobStore(db: Queryable) {
  return {
    async insertJob(j: {
      id: string;
      tenantId: string;
      apiKeyId: string;
      format: JobFormat;
      callbackUrl: string | null;
      callbackSecret: string | null;
    }): Promise<void> {
      await db.query(
        `INSERT INTO screen_jobs (id, tenant_id, api_key_id, format, rows_total, callback_url, callback_secret)
         VALUES ($1, $2, $3, $4, 0, $5, $6)`,
        [j.id, j.tenantId, j.apiKeyId, j.format, j.callbackUrl, j.callbackSecret],
      );
    },

    async setHeader(id: string, header: string[]): Promise<void> {
      await db.query(`UPDATE screen_jobs SET csv_header = $2 WHERE id = $1`, [id, JSON.stringify(header)]);
    },

    async setTotal(id: string, total: number): Promise<void> {
      await db.query(`UPDATE screen_jobs SET rows_total = $2 WHERE id = $1`, [id, total]);
    },

    /** One multi-row INSERT per batch: the upload's COPY-like path without a COPY dependency. */
    async insertRows(
      id: string,
      rows: { rowNo: number; input: string; uploadError: string | null }[],
    ): Promise<void> {
      if (rows.length === 0) return;
      await db.query(
        `INSERT INTO screen_job_rows (job_id, row_no, input, upload_error)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
        [id, rows.map((r) => r.rowNo), rows.map((r) => r.input), rows.map((r) => r.uploadError)],
      );
    },

    async get(id: string, tenantId?: string): Promise<JobRow | undefined> {
      const { rows } = await db.query(
        `${SELECT_JOB} WHERE j.id = $1 AND ($2::text IS NULL OR j.tenant_id = $2)`,
        [id, tenantId ?? null],
      );
      return rows[0] ? toJob(rows[0]) : undefined;
    },

    async rowsAfter(id: string, after: number, limit: number) {
      const { rows } = await db.query<{ row_no: number; input: string; upload_error: string | null }>(
        `SELECT row_no, input, upload_error FROM screen_job_rows WHERE job_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3`,
        [id, after, limit],
      );
      return rows.map((r) => ({ rowNo: r.row_no, input: r.input, uploadError: r.upload_error }));
    },

    /** The precise problem of a row that failed inside screening, once the chunk is committed. */
    async setError(id: string, rowNo: number, error: unknown): Promise<void> {
      await db.query(
        `UPDATE screen_job_results SET error = $3 WHERE job_id = $1 AND row_no = $2 AND error IS NOT NULL`,
        [id, rowNo, JSON.stringify(error)],
      );
    },

    async markRunning(id: string): Promise<void> {
      await db.query(`UPDATE screen_jobs SET status = 'running' WHERE id = $1 AND status = 'queued'`, [id]);
    },

    /** Returns whether this call finished the job (a rerun finds it done and does nothing more). */
    async finish(id: string, status: 'done' | 'failed', error: string | null): Promise<boolean> {
      const { rowCount } = await db.query(
        `UPDATE screen_jobs SET status = $2, error = $3, finished_at = now()
         WHERE id = $1 AND status IN ('queued', 'running')`,
        [id, status, error],
      );
      return rowCount === 1;
    },

    /** The input is not needed once every row has a result. */
    async dropInput(id: string): Promise<void> {
      await db.query(`DELETE FROM screen_job_rows WHERE job_id = $1`, [id]);
    },

    async resultsPage(id: string, after: number, limit: number): Promise<RowResult[]> {
      const { rows } = await db.query(
        `SELECT row_no, reference, screening_id, decision, strongest, error FROM screen_job_results
         WHERE job_id = $1 AND row_no > $2 ORDER BY row_no LIMIT $3`,
        [id, after, limit],
      );
      return rows.map((r) => ({
        rowNo: r.row_no,
        reference: r.reference,
        screeningId: r.screening_id,
        decision: r.decision,
        strongest: r.strongest,
        error: r.error,
      }));
    },

    async insertCallback(id: string): Promise<void> {
      await db.query(`INSERT INTO screen_job_callbacks (job_id) VALUES ($1) ON CONFLICT DO NOTHING`, [id]);
    },

    async callbackStatus(id: string): Promise<string | undefined> {
      const { rows } = await db.query<{ status: string }>(
        `SELECT status FROM screen_job_callbacks WHERE job_id = $1`,
        [id],
      );
      return rows[0]?.status;
    },

    async recordCallbackAttempt(
      id: string,
      a: { statusCode: number | null; error: string | null; status: 'pending' | 'delivered' | 'failed' },
    ): Promise<void> {
      await db.query(
        `UPDATE screen_job_callbacks SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
           last_attempt_at = now(), status = $4 WHERE job_id = $1`,
        [id, a.statusCode, a.error, a.status],
      );
    },
  };
}

export type ScreenJobStore = ReturnType<typeof createScreenJobStore>;
