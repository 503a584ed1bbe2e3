-- Parties a tenant keeps under ongoing monitoring: re-screened against every new list version's additions.
CREATE TABLE monitored_parties (
  id           text PRIMARY KEY,
  tenant_id    text NOT NULL REFERENCES tenants (id),
  party        jsonb NOT NULL,
  -- the same party registered twice (e.g. screened twice with monitor: true) is one monitored party
  party_hash   text NOT NULL,
  screening_id uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  deleted_at   timestamptz
);
CREATE UNIQUE INDEX monitored_parties_unique_idx ON monitored_parties (tenant_id, party_hash)
  WHERE deleted_at IS NULL;
CREATE INDEX monitored_parties_tenant_idx ON monitored_parties (tenant_id, created_at DESC)
  WHERE deleted_at IS NULL;

-- One alert per (party, source, entry, entry content): a rerun of the same version raises nothing new, while a
-- changed entry (new content hash) that still matches is a new fact an officer must see.
CREATE TABLE alerts (
  id           text PRIMARY KEY,
  tenant_id    text NOT NULL REFERENCES tenants (id),
  party_id     text NOT NULL REFERENCES monitored_parties (id),
  source_id    text NOT NULL,
  list_version integer NOT NULL,
  entry_id     text NOT NULL,
  entry_hash   text NOT NULL,
  finding      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (party_id, source_id, entry_id, entry_hash)
);
CREATE INDEX alerts_tenant_time_idx ON alerts (tenant_id, created_at DESC, id DESC);

-- Reviews are appended, never edited: the review status is derived from the latest one.
CREATE TABLE alert_reviews (
  id              text PRIMARY KEY,
  alert_id        text NOT NULL REFERENCES alerts (id),
  tenant_id       text NOT NULL REFERENCES tenants (id),
  finding_id      text NOT NULL,
  disposition     text NOT NULL CHECK (disposition IN ('true_match', 'false_positive', 'escalate')),
  note            text NOT NULL,
  reviewer_key_id text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_reviews_alert_idx ON alert_reviews (alert_id, created_at);

-- A monitoring run per activated version, written when the run has finished: the sweep enqueues every
-- activation without one, so an activation heard by no process (listener down, crash) is still monitored.
CREATE TABLE monitoring_runs (
  source_id   text NOT NULL,
  version     integer NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  parties     integer NOT NULL,
  alerts      integer NOT NULL,
  PRIMARY KEY (source_id, version)
);
-- Monitoring starts with this migration: versions activated before it are not re-monitored.
INSERT INTO monitoring_runs (source_id, version, parties, alerts)
  SELECT source_id, version, 0, 0 FROM list_versions WHERE activated_at IS NOT NULL;
