import type { Queryable } from '../db/pool.ts';
import type { BacklogRow } from './dashboard-window.ts';

/**
 * The dashboard's reads. Each is bounded by the tenant and the window and walks an index from 0004/0005:
 * - per day: screenings_tenant_decision_idx (tenant_id, decision, screened_at) as an index-only scan, the
 *   decision listed so that PostgreSQL 15 (no skip scan) can use the index's second column;
 * - hits and finding kinds: the same index, only `review` and `block` screenings (a few percent of the volume;
 *   parsing every clear screening's stored result would cost a read of the whole window's JSON); both read the
 *   stored findings, since a hit is a kind of finding, not any source a finding names;
 * - reviews per day: screening_reviews_tenant_time_idx (0039), index-only;
 * - backlog: screening_review_state_status_idx (tenant_id, status, screened_at).
 */
export function createDashboardStore(db: Queryable) {
  return {
    async perDay(tenantId: string, from: Date): Promise<{ day: string; decision: string; n: number }[]> {
      const { rows } = await db.query(
        `SELECT to_char(screened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, decision, count(*)::int AS n
         FROM screenings
         WHERE tenant_id = $1 AND decision = ANY ('{clear,review,block}'::text[]) AND screened_at >= $2
         GROUP BY 1, 2`,
        [tenantId, from],
      );
      return rows.map((r) => ({ day: r.day as string, decision: r.decision as string, n: r.n as number }));
    },

    async reviewsPerDay(tenantId: string, from: Date): Promise<{ day: string; n: number }[]> {
      const { rows } = await db.query(
        `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS n
         FROM screening_reviews
         WHERE tenant_id = $1 AND created_at >= $2
         GROUP BY 1`,
        [tenantId, from],
      );
      return rows.map((r) => ({ day: r.day as string, n: r.n as number }));
    },

    async hitsBySource(tenantId: string, from: Date): Promise<{ source: string; screenings: number }[]> {
      // Read from the stored findings, not `screenings.sources`: that column holds every finding's source,
      // a stale list's `info` coverage note included, so a stale list would show hits it never had. A hit is
      // what isListHit (src/contract/list-hits.ts) says, here in SQL. A screening with two matches on one list
      // counts once.
      const { rows } = await db.query(
        `SELECT h.source, count(*)::int AS n
         FROM (
           SELECT DISTINCT s.id, f ->> 'source' AS source
           FROM screenings s CROSS JOIN LATERAL json_array_elements(s.result -> 'findings') AS f
           WHERE s.tenant_id = $1 AND s.decision = ANY ('{review,block}'::text[]) AND s.screened_at >= $2
             AND json_typeof(s.result -> 'findings') = 'array'
             AND json_typeof(f -> 'entry') = 'object' AND f ->> 'source' IS NOT NULL
             AND f ->> 'kind' <> 'list_coverage'
             AND f ->> 'severity' = ANY ('{review,block}'::text[])
             AND f -> 'suppressed' IS NULL AND f -> 'licensed' IS NULL
         ) h
         GROUP BY 1 ORDER BY 2 DESC, 1`,
        [tenantId, from],
      );
      return rows.map((r) => ({ source: r.source as string, screenings: r.n as number }));
    },

    async findingsByKind(tenantId: string, from: Date): Promise<{ kind: string; findings: number }[]> {
      // Grouped by the stored kind, so a kind added later (red flags) is counted without a change here.
      const { rows } = await db.query(
        `SELECT f ->> 'kind' AS kind, count(*)::int AS n
         FROM screenings s CROSS JOIN LATERAL json_array_elements(s.result -> 'findings') AS f
         WHERE s.tenant_id = $1 AND s.decision = ANY ('{review,block}'::text[]) AND s.screened_at >= $2
           AND json_typeof(s.result -> 'findings') = 'array'
         GROUP BY 1 ORDER BY 2 DESC, 1`,
        [tenantId, from],
      );
      return rows
        .filter((r) => typeof r.kind === 'string')
        .map((r) => ({ kind: r.kind as string, findings: r.n as number }));
    },

    /**
     * Open work by the age of its screening at `now`; the bucket bounds match BACKLOG_BUCKETS. A screening a
     * newer one of its reference superseded is no longer work (the queue closed its item), though its own
     * reviews never resolved it.
     */
    async backlog(tenantId: string, now: Date): Promise<BacklogRow[]> {
      const { rows } = await db.query(
        `SELECT CASE
                  WHEN screened_at > $2::timestamptz - interval '1 day' THEN 'lt1d'
                  WHEN screened_at > $2::timestamptz - interval '3 days' THEN '1to3d'
                  WHEN screened_at > $2::timestamptz - interval '7 days' THEN '3to7d'
                  ELSE 'gt7d'
                END AS bucket, status, count(*)::int AS n
         FROM screening_review_state r
         WHERE tenant_id = $1 AND status = ANY ('{open,in_review}'::text[])
           AND NOT EXISTS (SELECT 1 FROM review_queue q
                           WHERE q.screening_id = r.screening_id AND q.superseded_by IS NOT NULL)
         GROUP BY 1, 2`,
        [tenantId, now],
      );
      return rows.map((r) => ({ bucket: r.bucket as string, status: r.status as string, n: r.n as number }));
    },
  };
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
