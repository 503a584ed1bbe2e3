-- The triage queue (issue 23, GET /queue): one row per screening that needed an officer, a mutable projection
-- like screening_review_state, rebuildable from the immutable screenings and the audit chain. A newer screening
-- of the same reference supersedes the open item of the older one: that row is closed with `superseded_by`,
-- the screenings themselves stay as they were. Claims and assignments are audit events (queue.claimed,
-- queue.assigned, queue.unassigned); `assignee` is only their latest state.
-- No foreign keys: both parents are append-only, and per-row checks would slow a 1,000-item batch (as 0015).
CREATE TABLE review_queue (
  screening_id   uuid PRIMARY KEY,
  tenant_id      text NOT NULL,
  screened_at    timestamptz NOT NULL,
  reference      text,
  decision       text NOT NULL CHECK (decision IN ('review', 'block')),
  -- 2 block, 1 review: the "most severe first" sort walks an index on it
  severity       smallint NOT NULL,
  sources        text[] NOT NULL,
  -- every party name and alias, as screenings.party_names, for the officer's substring filter
  party_names    text NOT NULL,
  review_status  text NOT NULL CHECK (review_status IN ('open', 'in_review', 'resolved')),
  supersedes     uuid,
  superseded_by  uuid,
  -- NULL while the item waits; set when it is resolved or superseded
  closed_at      timestamptz,
  assignee       text,
  assigned_at    timestamptz
);

-- Keyset walks of the open queue only (closed items are the vast majority over time): oldest first (and, read
-- backwards, newest first), and most severe first.
CREATE INDEX review_queue_open_time_idx ON review_queue (tenant_id, screened_at, screening_id)
  WHERE closed_at IS NULL;
CREATE INDEX review_queue_open_severity_idx ON review_queue (tenant_id, severity DESC, screened_at, screening_id)
  WHERE closed_at IS NULL;
-- A new screening finds the open item of its reference to supersede.
CREATE INDEX review_queue_open_reference_idx ON review_queue (tenant_id, reference)
  WHERE closed_at IS NULL AND reference IS NOT NULL;

-- Backfill from the screenings still waiting. Within a reference, each screening is superseded by the next
-- one of that reference (whatever its decision), so only the newest can stay open.
INSERT INTO review_queue (screening_id, tenant_id, screened_at, reference, decision, severity, sources, party_names,
                          review_status, supersedes, superseded_by, closed_at)
SELECT w.id, w.tenant_id, w.screened_at, w.reference, w.decision,
       CASE w.decision WHEN 'block' THEN 2 ELSE 1 END, w.sources, w.party_names, w.status,
       w.previous_id, w.next_id, w.next_at
FROM (
  SELECT s.id, s.tenant_id, s.screened_at, s.reference, s.decision, s.sources, s.party_names,
         coalesce(r.status, 'open') AS status,
         CASE WHEN s.reference IS NOT NULL THEN lag(s.id) OVER ref END AS previous_id,
         CASE WHEN s.reference IS NOT NULL THEN lead(s.id) OVER ref END AS next_id,
         CASE WHEN s.reference IS NOT NULL THEN lead(s.screened_at) OVER ref END AS next_at
  FROM screenings s
  LEFT JOIN screening_review_state r ON r.screening_id = s.id
  WINDOW ref AS (PARTITION BY s.tenant_id, s.reference ORDER BY s.screened_at, s.id)
) w
WHERE w.decision <> 'clear' AND w.status IN ('open', 'in_review');
