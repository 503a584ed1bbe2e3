import type { Fragment } from '../db/fragments.ts';
import type { QueueEntry, QueueSupersession } from './queue-plan.ts';

/**
 * A batch of new screenings in the queue, as fragments of the statement that stores them: the open items of
 * their references closed as superseded, then the new items, the first of each reference linked to the item it
 * closed and the newest inheriting its assignee (a claimed case stays claimed when the ERP re-screens it).
 */
export function queueFragments(entries: readonly QueueEntry[], supersessions: readonly QueueSupersession[]) {
  const fragments: Fragment[] = [];
  if (supersessions.length > 0)
    fragments.push({
      name: 'review_queue_superseded',
      sql: `UPDATE review_queue q SET superseded_by = n.screening_id, closed_at = n.screened_at
            FROM unnest($1::text[], $2::text[], $3::uuid[], $4::timestamptz[])
              AS n(tenant_id, reference, screening_id, screened_at)
            WHERE q.tenant_id = n.tenant_id AND q.reference = n.reference AND q.closed_at IS NULL
            RETURNING q.screening_id, q.tenant_id, q.reference, q.screened_at, q.assignee, q.assigned_at`,
      params: [
        supersessions.map((s) => s.tenantId),
        supersessions.map((s) => s.reference),
        supersessions.map((s) => s.screeningId),
        supersessions.map((s) => s.screenedAt),
      ],
    });
  if (entries.length === 0) return fragments;
  // At most one open item per reference is the invariant; DISTINCT ON keeps one row even if it was broken.
  const old =
    supersessions.length > 0
      ? `LEFT JOIN (SELECT DISTINCT ON (tenant_id, reference) * FROM review_queue_superseded
           ORDER BY tenant_id, reference, screened_at DESC) old
           ON old.tenant_id = t.tenant_id AND old.reference = t.reference`
      : `LEFT JOIN (SELECT NULL::uuid AS screening_id, NULL::text AS assignee, NULL::timestamptz AS assigned_at) old
           ON false`;
  fragments.push({
    name: 'review_queue_new',
    sql: `INSERT INTO review_queue (screening_id, tenant_id, screened_at, reference, decision, severity, sources,
            party_names, review_status, supersedes, superseded_by, closed_at, assignee, assigned_at)
          SELECT t.screening_id, t.tenant_id, t.screened_at, t.reference, t.decision,
            CASE t.decision WHEN 'block' THEN 2 ELSE 1 END, t.sources, t.party_names, 'open',
            CASE WHEN t.first_of_reference THEN old.screening_id ELSE t.supersedes END,
            t.superseded_by, t.superseded_at,
            CASE WHEN t.superseded_by IS NULL THEN old.assignee END,
            CASE WHEN t.superseded_by IS NULL THEN old.assigned_at END
          FROM json_to_recordset($1::json) AS t (screening_id uuid, tenant_id text, screened_at timestamptz,
            reference text, decision text, sources text[], party_names text, supersedes uuid, superseded_by uuid,
            superseded_at timestamptz, first_of_reference boolean)
          ${old}`,
    params: [
      JSON.stringify(
        entries.map((e) => ({
          screening_id: e.screeningId,
          tenant_id: e.tenantId,
          screened_at: e.screenedAt,
          reference: e.reference,
          decision: e.decision,
          sources: e.sources,
          party_names: e.partyNames,
          supersedes: e.supersedes,
          superseded_by: e.supersededBy,
          superseded_at: e.supersededAt,
          first_of_reference: e.firstOfReference,
        })),
      ),
    ],
  });
  return fragments;
}
