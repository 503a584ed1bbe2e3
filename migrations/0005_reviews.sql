-- Officers' reviews of screenings. A review is an immutable row (and an audit event in the same transaction):
-- the screening itself is never changed, its review status is derived from these rows.
CREATE TABLE screening_reviews (
  id               text PRIMARY KEY,
  tenant_id        text NOT NULL REFERENCES tenants (id),
  screening_id     uuid NOT NULL REFERENCES screenings (id),
  finding_id       text NOT NULL,
  disposition      text NOT NULL CHECK (disposition IN ('true_match', 'false_positive', 'escalate')),
  note             text NOT NULL,
  reviewer_key_id  text NOT NULL,
  -- whether the tenant's policy required a second reviewer when this review was made
  four_eyes        boolean NOT NULL,
  created_at       timestamptz NOT NULL,
  audit_seq        bigint NOT NULL
);
CREATE INDEX screening_reviews_screening_idx ON screening_reviews (tenant_id, screening_id, created_at, id);

CREATE TRIGGER screening_reviews_append_only
  BEFORE UPDATE OR DELETE ON screening_reviews
  FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER screening_reviews_no_truncate
  BEFORE TRUNCATE ON screening_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();

-- The one mutable projection of the review events: status and outcome per screening, so "all open screenings,
-- newest first" is an index walk over millions of immutable screenings. Rebuildable from screening_reviews.
-- screened_at is copied so that a status filter can be served in time order from this table's own index.
CREATE TABLE screening_review_state (
  screening_id  uuid PRIMARY KEY REFERENCES screenings (id),
  tenant_id     text NOT NULL REFERENCES tenants (id),
  screened_at   timestamptz NOT NULL,
  status        text NOT NULL CHECK (status IN ('open', 'in_review', 'resolved')),
  outcome       text,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX screening_review_state_status_idx
  ON screening_review_state (tenant_id, status, screened_at DESC, screening_id DESC);

-- Screenings stored before this migration had no reviews: clear ones are resolved, the rest open.
INSERT INTO screening_review_state (screening_id, tenant_id, screened_at, status, outcome, updated_at)
SELECT id, tenant_id, screened_at,
       CASE WHEN decision = 'clear' THEN 'resolved' ELSE 'open' END,
       CASE WHEN decision = 'clear' THEN 'clear' END,
       now()
FROM screenings;

-- False-positive memory: a confirmed false_positive disposition of (party identity, list entry) that later
-- screenings of the same party honour while the entry's content is unchanged (entry_hash). Revocation keeps
-- the row (revoked_at) so the history stays readable; the authoritative record is the audit chain.
CREATE TABLE false_positive_memory (
  id               text PRIMARY KEY,
  tenant_id        text NOT NULL REFERENCES tenants (id),
  party_key        text NOT NULL,
  party_name       text NOT NULL,
  source           text NOT NULL,
  entry_id         text NOT NULL,
  entry_hash       text NOT NULL,
  note             text NOT NULL,
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL,
  review_id        text NOT NULL REFERENCES screening_reviews (id),
  revoked_at       timestamptz,
  revoked_by       text
);
CREATE UNIQUE INDEX false_positive_memory_active_idx
  ON false_positive_memory (tenant_id, party_key, source, entry_id, entry_hash) WHERE revoked_at IS NULL;
CREATE INDEX false_positive_memory_tenant_idx ON false_positive_memory (tenant_id, created_at DESC);
