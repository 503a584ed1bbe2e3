-- Every list (sanctions source, control list, tenant watchlist) is stored as versions of items. An item's
-- content is stored once by hash and shared by every version that contains it unchanged, so a refresh that
-- changes 12 entries out of 15,000 writes 12 blobs and 15,000 small membership rows.
CREATE TABLE list_versions (
  source_id         text NOT NULL,
  version           integer NOT NULL,
  status            text NOT NULL CHECK (status IN ('pending', 'active', 'quarantined', 'superseded')),
  content_hash      text NOT NULL,
  fetched_at        timestamptz NOT NULL,
  published_at      timestamptz,
  activated_at      timestamptz,
  -- when it stopped being active: with activated_at this answers "which version was active at time T"
  deactivated_at    timestamptz,
  counts            jsonb NOT NULL,
  warnings          jsonb NOT NULL DEFAULT '[]',
  quarantine_reason text,
  PRIMARY KEY (source_id, version)
);
-- At most one active version per source: activation is a swap, never a moment with two or none.
CREATE UNIQUE INDEX list_versions_one_active ON list_versions (source_id) WHERE status = 'active';
CREATE INDEX list_versions_activation_idx ON list_versions (source_id, activated_at);

CREATE TABLE list_items (
  hash   text PRIMARY KEY,
  item   jsonb NOT NULL
);

CREATE TABLE list_version_items (
  source_id text NOT NULL,
  version   integer NOT NULL,
  entry_id  text NOT NULL,
  hash      text NOT NULL REFERENCES list_items (hash),
  PRIMARY KEY (source_id, version, entry_id),
  FOREIGN KEY (source_id, version) REFERENCES list_versions (source_id, version) ON DELETE CASCADE
);

-- Every refresh attempt and its outcome, including the ones that produced no version.
CREATE TABLE list_attempts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id     text NOT NULL,
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz NOT NULL,
  outcome       text NOT NULL CHECK (outcome IN ('activated', 'unchanged', 'quarantined', 'failed')),
  detail        text,
  version       integer,
  location      text,
  etag          text,
  last_modified text
);
CREATE INDEX list_attempts_source_idx ON list_attempts (source_id, id DESC);

-- Tenants' own watchlists; their versions live in list_versions under source id 'custom:<id>'.
CREATE TABLE watchlists (
  id          text PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenants (id),
  name        text NOT NULL,
  description text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
CREATE INDEX watchlists_tenant_idx ON watchlists (tenant_id) WHERE deleted_at IS NULL;
