import { randomBytes } from 'node:crypto';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import { type OutboundPolicy, registrationProblem } from '../http/outbound-url.ts';
import type { Principal } from '../principal/scopes.ts';
import { newSigningSecret } from '../webhooks/signature.ts';
import { csvCells, headerProblems } from './csv-request.ts';
import type { ScreenJobQueue } from './screen-job-queue.ts';
import { createScreenJobStore } from './screen-job-store.ts';
import { type JobFormat, jobView, MAX_ROWS, type ScreenJob } from './types.ts';
import { tooLarge, uploadLines } from './upload-lines.ts';

/** Rows per INSERT while the upload streams in. */
const INSERT_BATCH = 1000;

export function createScreenJobService(deps: {
  pool: Pool;
  queue: ScreenJobQueue;
  maxBytes: number;
  outbound: OutboundPolicy;
}) {
  const store = createScreenJobStore(deps.pool);

  return {
    store,

    /**
     * Streams the upload into screen_job_rows inside one transaction: a refused upload (too large, bad header,
     * client gone) rolls back and leaves nothing; the job is queued only after COMMIT.
     */
    async create(
      principal: Principal,
      body: AsyncIterable<Buffer>,
      format: JobFormat,
      callbackUrl: string | null,
    ): Promise<ScreenJob> {
      const problem = callbackUrl === null ? null : registrationProblem(callbackUrl, deps.outbound);
      if (problem)
        throw ApiError.badRequest(`The callbackUrl ${problem}`, [
          { in: 'query', pointer: '/callbackUrl', message: problem },
        ]);
      const id = `sj_${randomBytes(12).toString('hex')}`;
      const callbackSecret = callbackUrl ? newSigningSecret() : null;
      const job = await withTransaction(deps.pool, async (client) => {
        const tx = createScreenJobStore(client);
        await tx.insertJob({
          id,
          tenantId: principal.tenantId,
          apiKeyId: principal.keyId,
          format,
          callbackUrl,
          callbackSecret,
        });
        let header: string[] | null = null;
        let rowNo = 0;
        let batch: { rowNo: number; input: string; uploadError: string | null }[] = [];
        for await (const line of uploadLines(body, deps.maxBytes)) {
          if ('text' in line && line.text.trim() === '') continue;
          if (format === 'csv' && header === null) {
            header =
              'text' in line ? (csvCells(line.text.replace(/^\uFEFF/, '')) ?? []).map((h) => h.trim()) : [];
            const problems = headerProblems(header);
            if (problems.length > 0)
              throw ApiError.badRequest(`The CSV header cannot be read: ${problems.join('; ')}`);
            await tx.setHeader(id, header);
            continue;
          }
          rowNo++;
          if (rowNo > MAX_ROWS) throw tooLarge(`The upload has more than ${MAX_ROWS} rows`);
          if ('tooLong' in line)
            batch.push({
              rowNo,
              input: '',
              uploadError: `the row is longer than 1 MiB (${line.tooLong} bytes)`,
            });
          else if (line.text.includes('\u0000'))
            batch.push({ rowNo, input: '', uploadError: 'the row contains a NUL character' });
          else batch.push({ rowNo, input: line.text, uploadError: null });
          if (batch.length >= INSERT_BATCH) {
            await tx.insertRows(id, batch);
            batch = [];
          }
        }
        await tx.insertRows(id, batch);
        if (rowNo === 0) throw ApiError.badRequest('The upload has no rows to screen');
        await tx.setTotal(id, rowNo);
        return (await tx.get(id))!;
      });
      await deps.queue.enqueue(id);
      return { ...jobView(job), ...(callbackSecret ? { callbackSecret } : {}) };
    },

    async get(principal: Principal, id: string): Promise<ScreenJob> {
      const job = await store.get(id, principal.tenantId);
      if (!job) throw ApiError.notFound(`No screening job ${id}`);
      return jobView(job);
    },
  };
}

export type ScreenJobService = ReturnType<typeof createScreenJobService>;
