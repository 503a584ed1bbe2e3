-- Issue 23: a queue item's `sources` (GET /queue?source=, QueueItem.sources) are the lists it has hits of
-- (src/contract/list-hits.ts, isListHit), no longer every list one of its findings names: a list stale by its
-- publication date puts an info list_coverage note on every screening, so every item was filed under it.
-- Items stored before are recomputed the same way from their stored findings, in the order of the findings.
-- Only review and block screenings have items (a few percent of the screenings), so this reads no clear result.
UPDATE review_queue q
SET sources = ARRAY(
  SELECT f.value ->> 'source'
  FROM screenings s
  CROSS JOIN LATERAL json_array_elements(s.result -> 'findings') WITH ORDINALITY AS f (value, n)
  WHERE s.id = q.screening_id AND json_typeof(s.result -> 'findings') = 'array'
    AND f.value ->> 'kind' <> 'list_coverage' AND f.value ->> 'source' IS NOT NULL
    AND json_typeof(f.value -> 'entry') = 'object'
    AND f.value ->> 'severity' IN ('review', 'block')
    AND f.value -> 'suppressed' IS NULL AND f.value -> 'licensed' IS NULL
  GROUP BY 1
  ORDER BY min(f.n)
);

-- GET /screenings?reviewStatus=superseded walks the superseded items newest first from this index: they are a
-- slice of the open and in-review projection rows, which no index of the projection reaches in time order.
CREATE INDEX review_queue_superseded_time_idx ON review_queue (tenant_id, screened_at, screening_id)
  WHERE superseded_by IS NOT NULL;
