import type { Queryable } from '../db/pool.ts';
import { signature } from '../principal/person.ts';
import { partyQueryKey } from './party-name-key.ts';
import type { Cursor, ScreeningFilter } from './screening-filter.ts';

export interface ScreeningLogRow {
  id: string;
  reference: string | null;
  decision: string;
  screenedAt: string;
  reviewStatus: string;
  outcome: string | null;
  apiKeyId: string;
  partyNames: string[];
  topFinding: string | null;
  sources: string[];
  entryIds: string[];
  result?: unknown;
  /** Exports only: each reviewer once, in the order of their first review, as people read a signature. */
  reviewedBy?: string[];
  cursor: Cursor;
}

interface PageOptions {
  withResult?: boolean;
  withReviewers?: boolean;
}

// Each reviewer of the screening once, by first review: the projection keeps no reviewer, and an export page
// is 1,000 screenings, so this is one index look-up (tenant, screening) per row of the page.
const REVIEWERS = `(SELECT coalesce(json_agg(json_build_array(v.reviewer_key_id, v.reviewer_name, v.reviewer_email)
     ORDER BY v.first_seq), '[]')
   FROM (SELECT rv.reviewer_key_id, rv.reviewer_name, rv.reviewer_email, min(rv.audit_seq) AS first_seq
         FROM screening_reviews rv WHERE rv.tenant_id = s.tenant_id AND rv.screening_id = s.id
         GROUP BY 1, 2, 3) v)`;

const reviewedBy = (rows: [string, string | null, string | null][]) =>
  rows.map(([keyId, name, email]) => signature(keyId, name && email ? { name, email } : null));

// The most severe finding that still counts (suppressed ones do not), as the one line an officer scans.
const TOP_FINDING = `(SELECT f->>'reason' FROM json_array_elements(s.result->'findings') f
   WHERE f->'suppressed' IS NULL
   ORDER BY CASE f->>'severity' WHEN 'block' THEN 0 WHEN 'review' THEN 1 ELSE 2 END LIMIT 1)`;

/**
 * One page of the tenant's screenings, newest first, keyset-paginated on (screened_at, id). With a review-status
 * filter the walk is driven by the projection's (tenant, status, time) index; otherwise by the screenings'
 * indexes: either way the order key belongs to the driving table, so PostgreSQL stops after `limit` rows.
 * A party-name search is driven by the names' own tables instead (see byPartyName).
 */
export async function pageScreenings(
  db: Queryable,
  tenantId: string,
  f: ScreeningFilter,
  after: Cursor | null,
  limit: number,
  opts: PageOptions = {},
): Promise<ScreeningLogRow[]> {
  const params: unknown[] = [tenantId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  let sql: string;
  if (f.partyName !== undefined) {
    const nameIds = await matchingNames(db, tenantId, f.partyName);
    if (nameIds.length === 0) return [];
    sql = byPartyName(f, nameIds, after, limit, p, opts);
  } else sql = byIndexWalk(f, after, limit, p, opts);
  const { rows } = await db.query(sql, params);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    decision: r.decision,
    screenedAt: r.screened_at,
    reviewStatus: r.review_status,
    outcome: r.outcome,
    apiKeyId: r.api_key_id,
    partyNames: r.party_names,
    topFinding: r.top_finding,
    sources: r.sources,
    entryIds: r.entry_ids,
    ...(opts.withResult ? { result: r.result } : {}),
    ...(opts.withReviewers ? { reviewedBy: reviewedBy(r.reviewers) } : {}),
    cursor: { at: r.cursor_at, id: r.id },
  }));
}

type Param = (v: unknown) => string;

// The listed status (src/reviews/review-status.ts, listedStatus): a screening whose queue item a newer screening
// of its reference closed is `superseded` unless its reviews resolved it. `q` is review_queue joined on the
// screening (its primary key); a screening that never waited (clear) has no item.
const LISTED_STATUS = `CASE WHEN q.superseded_by IS NOT NULL AND r.status IS DISTINCT FROM 'resolved' THEN 'superseded'
      ELSE coalesce(r.status, CASE WHEN s.decision = 'clear' THEN 'resolved' ELSE 'open' END) END`;
const QUEUE_JOIN = (screeningId: string) => `LEFT JOIN review_queue q ON q.screening_id = ${screeningId}`;

/**
 * The review-status filter on the projection row `r` and the queue item `q`: `open` and `in_review` leave the
 * superseded out (they left the work), `superseded` is either of those whose item was closed by a newer one.
 */
function statusCondition(status: string, p: Param): string {
  if (status === 'superseded') return `q.superseded_by IS NOT NULL AND r.status IS DISTINCT FROM 'resolved'`;
  if (status === 'resolved') return `r.status = ${p(status)}`;
  return `r.status = ${p(status)} AND q.superseded_by IS NULL`;
}

const columns = (at: string, opts: PageOptions) =>
  `s.id, s.reference, s.decision, s.screened_at, s.api_key_id, s.sources, s.entry_ids,
      to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
      ${LISTED_STATUS} AS review_status,
      CASE WHEN r.screening_id IS NULL AND s.decision = 'clear' THEN 'clear' ELSE r.outcome END AS outcome,
      ARRAY(SELECT p->>'name' FROM json_array_elements(s.request->'parties') p) AS party_names,
      ${TOP_FINDING} AS top_finding${opts.withResult ? ', s.result' : ''}${
        opts.withReviewers ? `, ${REVIEWERS} AS reviewers` : ''
      }`;

/** Conditions on the screening row itself (alias s), shared by both plans. */
function screeningConditions(f: ScreeningFilter, p: Param): string[] {
  const where: string[] = [];
  if (f.decision) where.push(`s.decision = ${p(f.decision)}`);
  if (f.reference) where.push(`s.reference = ${p(f.reference)}`);
  if (f.source) where.push(`s.sources @> ARRAY[${p(f.source)}]::text[]`);
  if (f.entryId) where.push(`s.entry_ids @> ARRAY[${p(f.entryId)}]::text[]`);
  if (f.apiKeyId) where.push(`s.api_key_id = ${p(f.apiKeyId)}`);
  return where;
}

/** Time range and cursor on whichever (screened_at, id) pair drives the walk. */
function timeConditions(f: ScreeningFilter, after: Cursor | null, at: string, id: string, p: Param) {
  const where: string[] = [];
  if (f.from) where.push(`${at} >= ${p(f.from)}::timestamptz`);
  if (f.to) where.push(`${at} < ${p(f.to)}::timestamptz`);
  if (after) where.push(`(${at}, ${id}) < (${p(after.at)}::timestamptz, ${p(after.id)}::uuid)`);
  return where;
}

function byIndexWalk(
  f: ScreeningFilter,
  after: Cursor | null,
  limit: number,
  p: Param,
  opts: PageOptions,
): string {
  // Superseded screenings are walked from the queue's own partial index (0040): they are a slice of the
  // open and in-review projection rows that no index of the projection can reach in time order.
  const driver = f.reviewStatus === 'superseded' ? 'q' : f.reviewStatus !== undefined ? 'r' : 's';
  const [at, id] = (
    {
      q: ['q.screened_at', 'q.screening_id'],
      r: ['r.screened_at', 'r.screening_id'],
      s: ['s.screened_at', 's.id'],
    } as const
  )[driver];
  const from = {
    q: `review_queue q JOIN screenings s ON s.id = q.screening_id
        LEFT JOIN screening_review_state r ON r.screening_id = q.screening_id`,
    r: `screening_review_state r JOIN screenings s ON s.id = r.screening_id ${QUEUE_JOIN('s.id')}`,
    s: `screenings s LEFT JOIN screening_review_state r ON r.screening_id = s.id ${QUEUE_JOIN('s.id')}`,
  }[driver];
  const where = [`${driver}.tenant_id = $1`, 's.tenant_id = $1'];
  if (f.reviewStatus) where.push(statusCondition(f.reviewStatus, p));
  where.push(...timeConditions(f, after, at, id, p), ...screeningConditions(f, p));
  return `SELECT ${columns(at, opts)}
    FROM ${from}
    WHERE ${where.join(' AND ')}
    ORDER BY ${at} DESC, ${id} DESC
    LIMIT ${p(limit)}`;
}

/**
 * Fuzzy party name: word_similarity (<%, pg_trgm's default threshold 0.6, as before these tables existed) on the
 * tenant's few distinct names, in the same ASCII form the names were stored in.
 */
async function matchingNames(db: Queryable, tenantId: string, partyName: string): Promise<number[]> {
  const { rows } = await db.query(
    `SELECT coalesce(array_agg(id), '{}') AS ids FROM screening_party_names WHERE tenant_id = $1 AND $2 <% name`,
    [tenantId, partyQueryKey(partyName)],
  );
  return (rows[0]?.ids ?? []).map(Number);
}

// Above this many matching names, walking each name's screenings reads more rows than walking the tenant's
// hits newest first until a page is full (a name recurs ~20 times in the bench; see bench/results/audit.md).
const MANY_NAMES = 500;

/**
 * The page among the matched names' screenings. Few names: for each, its newest `limit` screenings that pass
 * every other filter, from the (tenant, name, time) index; the page is the newest `limit` of those (exact: a
 * screening on the page is among its own name's newest `limit`). Many names: the tenant's hits newest first
 * from the (tenant, time) index, keeping the matched names. Either way only the screening columns a filter
 * needs are read before the page is cut, and only the page's rows are read whole.
 */
function byPartyName(
  f: ScreeningFilter,
  nameIds: number[],
  after: Cursor | null,
  limit: number,
  p: Param,
  opts: PageOptions,
): string {
  const ids = p(nameIds);
  const screeningWhere = screeningConditions(f, p);
  const joins = [
    screeningWhere.length > 0 ? 'JOIN screenings s ON s.id = x.screening_id AND s.tenant_id = $1' : '',
    f.reviewStatus
      ? `JOIN screening_review_state r ON r.screening_id = x.screening_id ${QUEUE_JOIN('x.screening_id')}`
      : '',
  ].join(' ');
  const many = nameIds.length > MANY_NAMES;
  const where = [
    'x.tenant_id = $1',
    many ? `x.name_id = ANY(${ids}::bigint[])` : 'x.name_id = n.id',
    ...timeConditions(f, after, 'x.screened_at', 'x.screening_id', p),
    ...screeningWhere,
    ...(f.reviewStatus ? [statusCondition(f.reviewStatus, p)] : []),
  ];
  const lim = p(limit);
  const walk = `SELECT x.screened_at, x.screening_id
        FROM screening_party_hits x ${joins}
        WHERE ${where.join(' AND ')}
        ORDER BY x.screened_at DESC, x.screening_id DESC`;
  // A screening with two matching names (or aliases) is one row of the page.
  const page = many
    ? `SELECT DISTINCT ON (h.screened_at, h.screening_id) h.screened_at, h.screening_id
       FROM (${walk}) h
       ORDER BY h.screened_at DESC, h.screening_id DESC
       LIMIT ${lim}`
    : `SELECT h.screened_at, h.screening_id
       FROM unnest(${ids}::bigint[]) AS n (id) CROSS JOIN LATERAL (${walk} LIMIT ${lim}) h
       GROUP BY h.screened_at, h.screening_id
       ORDER BY h.screened_at DESC, h.screening_id DESC
       LIMIT ${lim}`;
  return `WITH page AS (${page})
    SELECT ${columns('page.screened_at', opts)}
    FROM page
    JOIN screenings s ON s.id = page.screening_id
    LEFT JOIN screening_review_state r ON r.screening_id = s.id ${QUEUE_JOIN('s.id')}
    ORDER BY page.screened_at DESC, page.screening_id DESC`;
}

/** EXPLAIN of the same query, for the bench's index report. */
export async function explainPage(
  db: Queryable,
  tenantId: string,
  f: ScreeningFilter,
  limit: number,
): Promise<string> {
  const captured: { sql: string; params: unknown[] }[] = [];
  // Look-ups before the page query (the matching party names) run for real; the page query is explained.
  const spy: Queryable = {
    query: (async (sql: string, params: unknown[]) => {
      captured.push({ sql, params });
      return sql.startsWith('SELECT coalesce(array_agg(id)') ? db.query(sql, params) : { rows: [] };
    }) as unknown as Queryable['query'],
  };
  await pageScreenings(spy, tenantId, f, null, limit);
  const q = captured.at(-1)!;
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
  // The matched name ids would fill pages of the report: keep their count.
  return rows
    .map((r) =>
      String(r['QUERY PLAN']).replace(/'\{[0-9,]{200,}\}'/g, (m) => `'{…${m.split(',').length} ids}'`),
    )
    .join('\n');
}
