import { once } from 'node:events';
import { Router } from 'express';
import { ApiError } from '../http/api-error.ts';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import { csvResult, ndjsonResult, RESULT_CSV_HEADER } from './results-format.ts';
import type { ScreenJobService } from './screen-job-service.ts';

const RESULTS_PAGE = 1000;

export function screenJobRoutes(route: RouteRegistrar, jobs: ScreenJobService, maxBytes: number): Router {
  const router = Router();

  route(router, 'createScreenJob', async (req, res) => {
    // Refused before reading a byte when the client announces the size.
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
      throw new ApiError(413, 'Payload Too Large', `The upload exceeds ${maxBytes} bytes`);
    }
    const format = req.is('application/x-ndjson') ? 'ndjson' : 'csv';
    const callbackUrl = typeof req.query.callbackUrl === 'string' ? req.query.callbackUrl : null;
    try {
      // Not destroyed on an early exit: a refused upload is drained so the client can read the 413.
      const body = req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
      const job = await jobs.create(principalOf(res), body, format, callbackUrl);
      res.status(202).setHeader('Location', `/screen/jobs/${job.id}`);
      res.json(job);
    } catch (err) {
      // The rest of a refused upload is discarded, not stored, so the client can read the answer.
      if (!req.complete) req.resume();
      throw err;
    }
  });

  route(router, 'getScreenJob', async (req, res) => {
    res.json(await jobs.get(principalOf(res), req.params.jobId as string));
  });

  // Keyset pages in row order with backpressure: a million rows stream in flat memory, and a slow client holds
  // no database connection between pages.
  route(router, 'getScreenJobResults', async (req, res) => {
    const job = await jobs.get(principalOf(res), req.params.jobId as string);
    const csv = req.accepts(['application/x-ndjson', 'text/csv']) === 'text/csv';
    res.status(200);
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    res.setHeader('Content-Disposition', `attachment; filename="${job.id}.${csv ? 'csv' : 'ndjson'}"`);
    if (csv) res.write(RESULT_CSV_HEADER);
    let after = 0;
    while (!res.destroyed) {
      const rows = await jobs.store.resultsPage(job.id, after, RESULTS_PAGE);
      let chunk = '';
      for (const r of rows) chunk += csv ? csvResult(r) : ndjsonResult(r);
      if (chunk && !res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      if (rows.length < RESULTS_PAGE) break;
      after = rows[rows.length - 1]!.rowNo;
    }
    res.end();
  });

  return router;
}
