import { once } from 'node:events';
import { Router } from 'express';
import type { Pool } from '../db/pool.ts';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import { csvHeader, csvLine, ndjsonLine } from './export-format.ts';
import { decodeCursor, encodeCursor, filterOf } from './screening-filter.ts';
import { pageScreenings } from './screening-log-store.ts';
import { type VerifyDeps, verifyAuditChain } from './verify-chain.ts';

const EXPORT_PAGE = 1000;

/** The compliance officer's view of the audit log: list, export and tamper check. */
export function auditRoutes(route: RouteRegistrar, deps: { pool: Pool; verify: VerifyDeps }): Router {
  const router = Router();

  route(router, 'listScreenings', async (req, res) => {
    const q = req.query as Record<string, string>;
    const limit = q.limit ? Number(q.limit) : 50;
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await pageScreenings(deps.pool, principalOf(res).tenantId, filterOf(q), after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    res.json({
      items: page.map(({ cursor: _c, sources: _s, entryIds: _e, outcome: _o, ...summary }) => summary),
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursor) : null,
    });
  });

  // Streamed page by page (keyset, never OFFSET) with backpressure: any size, flat memory, and a slow client
  // holds no database connection between pages.
  route(router, 'exportScreenings', async (req, res) => {
    const q = req.query as Record<string, string>;
    const ndjson = q.format === 'ndjson';
    const tenantId = principalOf(res).tenantId;
    const filter = filterOf(q);
    res.status(200);
    res.setHeader('Content-Type', ndjson ? 'application/x-ndjson' : 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="screenings-${tenantId}.${ndjson ? 'ndjson' : 'csv'}"`,
    );
    if (!ndjson) res.write(csvHeader());
    let after = null;
    while (!res.destroyed) {
      const rows = await pageScreenings(deps.pool, tenantId, filter, after, EXPORT_PAGE, {
        withResult: ndjson,
        withReviewers: true,
      });
      let chunk = '';
      for (const r of rows) chunk += ndjson ? ndjsonLine(r) : csvLine(r);
      if (chunk && !res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      if (rows.length < EXPORT_PAGE) break;
      after = rows[rows.length - 1]!.cursor;
    }
    res.end();
  });

  route(router, 'verifyAuditChain', async (_req, res) => {
    res.json(await verifyAuditChain(deps.verify, principalOf(res).tenantId));
  });

  return router;
}
