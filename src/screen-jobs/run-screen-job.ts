import type { ScreenRequest } from '../contract/screening-types.ts';
import { runFragments } from '../db/fragments.ts';
import type { Pool } from '../db/pool.ts';
import { ApiError } from '../http/api-error.ts';
import type { Spec } from '../http/openapi-spec.ts';
import { problemOf } from '../http/problem.ts';
import { compile, createAjv, toFieldErrors } from '../http/schema-compiler.ts';
import { unstorableStrings } from '../http/unstorable-strings.ts';
import type { Logger } from '../logger.ts';
import type { Principal } from '../principal/scopes.ts';
import type { ScreeningService } from '../screening/screening-service.ts';
import { type Chunk, commitChunkFragments } from './chunk-commit.ts';
import { csvCells, csvRequest } from './csv-request.ts';
import type { ScreenJobQueue } from './screen-job-queue.ts';
import { createScreenJobStore } from './screen-job-store.ts';
import { CHUNK_ROWS, type JobRow } from './types.ts';

export interface RunDeps {
  pool: Pool;
  spec: Spec;
  screening: ScreeningService;
  queue: ScreenJobQueue;
  log: Logger;
  chunkRows?: number;
}

/** Row errors point at the row in the upload (the results say which job). */
const rowProblem = (rowNo: number, err: ApiError) => problemOf(err, `#row=${rowNo}`);

export function createJobRunner(deps: RunDeps) {
  const store = createScreenJobStore(deps.pool);
  // The same schema and rules as POST /screen: a file row is held to exactly what the API accepts.
  const validate = compile(createAjv(deps.spec, { coerce: false }), { $ref: 'spec#/$defs/ScreenRequest' });

  function prepare(job: JobRow, row: { rowNo: number; input: string; uploadError: string | null }) {
    const fail = (detail: string, errors?: ApiError['errors']) => ({
      rowNo: row.rowNo,
      reference: null,
      error: rowProblem(row.rowNo, ApiError.badRequest(detail, errors)),
    });
    if (row.uploadError) return fail(`This row cannot be read: ${row.uploadError}`);
    let req: unknown;
    if (job.format === 'ndjson') {
      try {
        req = JSON.parse(row.input);
      } catch (err) {
        return fail(`This row is not JSON: ${(err as Error).message}`);
      }
    } else {
      const cells = csvCells(row.input);
      if (!cells) return fail('This row has a quote that is never closed');
      req = csvRequest(job.csvHeader ?? [], cells);
      if (typeof req === 'string') return fail(`This row cannot be read: ${req}`);
    }
    const reference =
      req && typeof req === 'object' && typeof (req as ScreenRequest).reference === 'string'
        ? (req as ScreenRequest).reference!.slice(0, 200)
        : null;
    if (!validate(req))
      return {
        ...fail('This row does not match the ScreenRequest schema', toFieldErrors(validate.errors, 'body')),
        reference,
      };
    const unstorable = unstorableStrings(req, 'body');
    if (unstorable.length > 0)
      return { ...fail('This row has characters that cannot be stored', unstorable), reference };
    return { rowNo: row.rowNo, reference, req: req as ScreenRequest };
  }

  /**
   * Screens a job's remaining rows chunk by chunk. Safe to run again at any point (a retry, a stalled job
   * picked up twice): it starts after the last committed chunk, and a chunk another run committed first is
   * rolled back here, so each row is screened once.
   */
  async function run(jobId: string): Promise<{ rowsDone: number }> {
    let job = await store.get(jobId);
    if (!job) return { rowsDone: 0 };
    const principal: Principal = {
      keyId: job.apiKeyId,
      tenantId: job.tenantId,
      scopes: ['screen'],
      rateLimitPerSecond: null,
    };
    await store.markRunning(jobId);
    let done = job.rowsDone;
    while (done < job.rowsTotal) {
      const input = await store.rowsAfter(jobId, done, deps.chunkRows ?? CHUNK_ROWS);
      if (input.length === 0) break;
      const chunk: Chunk = {
        jobId,
        from: done,
        to: input[input.length - 1]!.rowNo,
        rows: input.map((r) => prepare(job!, r)),
      };
      const items = chunk.rows.flatMap((r) => ('req' in r && r.req ? [{ index: r.rowNo, req: r.req }] : []));
      // The chunk's results and progress are written in the statement that stores its screenings.
      const screened = await deps.screening.screenMany(principal, items, chunk);
      const failed = screened.filter((s) => s.error);
      const problems = new Map(failed.map((s) => [s.index, rowProblem(s.index, s.error!)]));
      if (!screened.some((s) => s.row)) {
        // No row reached storage (all invalid): no screening statement carried the chunk; it commits on its own.
        for (const row of chunk.rows)
          if (problems.has(row.rowNo)) (row as { error?: unknown }).error = problems.get(row.rowNo);
        await runFragments(deps.pool, commitChunkFragments(chunk, []));
      } else {
        for (const [rowNo, problem] of problems) await store.setError(jobId, rowNo, problem);
      }
      done = chunk.to;
    }
    if (await store.finish(jobId, 'done', null)) {
      await store.dropInput(jobId);
      deps.log.info({ job: jobId, rows: done }, 'screening job done');
    }
    job = (await store.get(jobId))!;
    if (job.callbackUrl) {
      await store.insertCallback(jobId);
      // Enqueued on every run, not only the finishing one: a crash between COMMIT and enqueue is repaired here.
      if ((await store.callbackStatus(jobId)) === 'pending') await deps.queue.enqueueNotice(jobId);
    }
    return { rowsDone: done };
  }

  return { run, store };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
