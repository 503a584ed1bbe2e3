import type { Queryable } from '../db/pool.ts';
import type { QueueCounts, QueueFilter, QueuePosition, QueueRow, QueueSort } from './queue-types.ts';

const AT = `to_char(q.screened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// The most severe finding that still counts, as the one line an officer scans (as GET /screenings shows it).
const COLUMNS = (
  sla: string,
) => `q.screening_id, q.reference, q.decision, q.screened_at, q.review_status, q.sources,
  q.assignee, q.assigned_at, q.supersedes, q.superseded_by, q.closed_at, q.severity, ${AT} AS cursor_at,
  greatest(0, round((extract(epoch FROM now() - q.screened_at) / 3600)::numeric, 1))::float8 AS age_hours,
  (q.closed_at IS NULL AND q.screened_at < now() - make_interval(hours => ${sla})) AS overdue,
  ARRAY(SELECT p->>'name' FROM json_array_elements(s.request->'parties') p) AS party_names,
  (SELECT f->>'reason' FROM json_array_elements(s.result->'findings') f WHERE f->'suppressed' IS NULL
   ORDER BY CASE f->>'severity' WHEN 'block' THEN 0 WHEN 'review' THEN 1 ELSE 2 END LIMIT 1) AS top_finding`;

const toRow = (r: Record<string, unknown>): QueueRow => ({
  screeningId: r.screening_id as string,
  reference: r.reference as string | null,
  decision: r.decision as QueueRow['decision'],
  screenedAt: r.screened_at as string,
  reviewStatus: r.review_status as QueueRow['reviewStatus'],
  state: r.closed_at === null ? 'open' : r.superseded_by !== null ? 'superseded' : 'resolved',
  partyNames: r.party_names as string[],
  topFinding: r.top_finding as string | null,
  sources: r.sources as string[],
  assignee: r.assignee as string | null,
  assignedAt: r.assigned_at as string | null,
  ageHours: r.age_hours as number,
  overdue: r.overdue as boolean,
  supersedes: r.supersedes as string | null,
  supersededBy: r.superseded_by as string | null,
  closedAt: r.closed_at as string | null,
  position: { at: r.cursor_at as string, id: r.screening_id as string, severity: r.severity as number },
});

type Param = (v: unknown) => string;

/** Conditions of the filters on an open item (alias q); `sla` gives the policy's hours as a parameter. */
function filterConditions(f: QueueFilter, p: Param, sla: () => string): string[] {
  const where = ['q.tenant_id = $1', 'q.closed_at IS NULL'];
  if (f.decision) where.push(`q.decision = ${p(f.decision)}`);
  if (f.source) where.push(`q.sources @> ARRAY[${p(f.source)}]::text[]`);
  if (f.olderThanHours !== undefined)
    where.push(`q.screened_at < now() - make_interval(hours => ${p(f.olderThanHours)}::int)`);
  if (f.overdue !== undefined)
    where.push(`(q.screened_at < now() - make_interval(hours => ${sla()})) = ${p(f.overdue)}::boolean`);
  if (f.assignee) where.push(`q.assignee = ${p(f.assignee)}`);
  if (f.claimed !== undefined) where.push(`(q.assignee IS NOT NULL) = ${p(f.claimed)}::boolean`);
  if (f.partyName) {
    const escaped = f.partyName.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(`q.party_names ILIKE ${p(`%${escaped}%`)}`);
  }
  return where;
}

/**
 * Keyset order of a sort, read forwards or (for the previous page) backwards. Each is served by one of the
 * open-queue indexes of migration 0037, so PostgreSQL stops after `limit` rows whatever the queue's size.
 */
function keyset(sort: QueueSort, backwards: boolean, after: QueuePosition | null, p: Param) {
  const ascending = (sort !== 'newest') !== backwards;
  const dir = ascending ? 'ASC' : 'DESC';
  const cmp = ascending ? '>' : '<';
  const order = `q.screened_at ${dir}, q.screening_id ${dir}`;
  if (sort !== 'severity') {
    const where = after
      ? [`(q.screened_at, q.screening_id) ${cmp} (${p(after.at)}::timestamptz, ${p(after.id)}::uuid)`]
      : [];
    return { order, where };
  }
  // Most severe first, oldest first within a severity.
  const sevDir = backwards ? 'ASC' : 'DESC';
  const where = after
    ? [
        `(q.severity ${backwards ? '>' : '<'} ${p(after.severity)}::smallint OR (q.severity = ${p(after.severity)}::smallint
          AND (q.screened_at, q.screening_id) ${cmp} (${p(after.at)}::timestamptz, ${p(after.id)}::uuid)))`,
      ]
    : [];
  return { order: `q.severity ${sevDir}, ${order}`, where };
}

export function createQueueStore(db: Queryable) {
  return {
    /** Up to `limit` open items after (or, backwards, before) a position, in the sort's own order. */
    async page(
      tenantId: string,
      q: { filter: QueueFilter; sort: QueueSort; backwards: boolean; after: QueuePosition | null },
      limit: number,
      slaHours: number,
    ): Promise<QueueRow[]> {
      const params: unknown[] = [tenantId, slaHours];
      const p: Param = (v) => {
        params.push(v);
        return `$${params.length}`;
      };
      const k = keyset(q.sort, q.backwards, q.after, p);
      const where = [...filterConditions(q.filter, p, () => '$2::int'), ...k.where];
      const { rows } = await db.query(
        `SELECT ${COLUMNS('$2::int')}
         FROM review_queue q JOIN screenings s ON s.id = q.screening_id
         WHERE ${where.join(' AND ')}
         ORDER BY ${k.order}
         LIMIT ${p(limit)}`,
        params,
      );
      const page = rows.map(toRow);
      return q.backwards ? page.reverse() : page;
    },

    async matching(tenantId: string, filter: QueueFilter, slaHours: number): Promise<number> {
      const params: unknown[] = [tenantId];
      const p: Param = (v) => {
        params.push(v);
        return `$${params.length}`;
      };
      const where = filterConditions(filter, p, () => `${p(slaHours)}::int`);
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM review_queue q WHERE ${where.join(' AND ')}`,
        params,
      );
      return rows[0].n;
    },

    /** Counts by state of the whole open queue, in one pass over the open-queue index. */
    async counts(tenantId: string, slaHours: number): Promise<QueueCounts> {
      const { rows } = await db.query(
        `SELECT count(*)::int AS open,
           count(*) FILTER (WHERE review_status = 'in_review')::int AS in_review,
           count(assignee)::int AS claimed,
           count(*) FILTER (WHERE screened_at < now() - make_interval(hours => $2::int))::int AS overdue,
           count(*) FILTER (WHERE decision = 'review')::int AS review,
           count(*) FILTER (WHERE decision = 'block')::int AS block
         FROM review_queue WHERE tenant_id = $1 AND closed_at IS NULL`,
        [tenantId, slaHours],
      );
      const r = rows[0];
      return {
        open: r.open,
        inReview: r.in_review,
        claimed: r.claimed,
        unclaimed: r.open - r.claimed,
        overdue: r.overdue,
        byDecision: { review: r.review, block: r.block },
      };
    },

    async get(tenantId: string, screeningId: string, slaHours: number): Promise<QueueRow | undefined> {
      const { rows } = await db.query(
        `SELECT ${COLUMNS('$3::int')}
         FROM review_queue q JOIN screenings s ON s.id = q.screening_id
         WHERE q.tenant_id = $1 AND q.screening_id = $2`,
        [tenantId, screeningId, slaHours],
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    /** The newer screening of its reference that closed this one's item, if any (no item: never waited). */
    async supersededBy(tenantId: string, screeningId: string): Promise<string | null> {
      const { rows } = await db.query(
        `SELECT superseded_by FROM review_queue WHERE tenant_id = $1 AND screening_id = $2`,
        [tenantId, screeningId],
      );
      return (rows[0]?.superseded_by as string | null | undefined) ?? null;
    },

    /** Locks one item for an assignment in the caller's transaction; its current assignee and whether it is closed. */
    async lock(
      tenantId: string,
      screeningId: string,
    ): Promise<{ assignee: string | null; closed: boolean; supersededBy: string | null } | undefined> {
      const { rows } = await db.query(
        `SELECT assignee, closed_at, superseded_by FROM review_queue
         WHERE tenant_id = $1 AND screening_id = $2 FOR UPDATE`,
        [tenantId, screeningId],
      );
      const r = rows[0];
      return r
        ? { assignee: r.assignee, closed: r.closed_at !== null, supersededBy: r.superseded_by }
        : undefined;
    },

    async assign(tenantId: string, screeningId: string, assignee: string | null, at: string): Promise<void> {
      await db.query(
        `UPDATE review_queue SET assignee = $3, assigned_at = $4 WHERE tenant_id = $1 AND screening_id = $2`,
        [tenantId, screeningId, assignee, assignee === null ? null : at],
      );
    },

    /**
     * Follows a review: a resolved screening leaves the queue, one that is reopened (an escalation after a final
     * disposition) comes back, unless a newer screening of its reference superseded it meanwhile.
     */
    async setReviewStatus(tenantId: string, screeningId: string, status: string, at: string): Promise<void> {
      await db.query(
        `UPDATE review_queue SET review_status = $3,
           closed_at = CASE WHEN superseded_by IS NOT NULL THEN closed_at
                            WHEN $3 = 'resolved' THEN coalesce(closed_at, $4::timestamptz) END
         WHERE tenant_id = $1 AND screening_id = $2`,
        [tenantId, screeningId, status, at],
      );
    },
  };
}
