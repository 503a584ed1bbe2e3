-- Tenants own everything a customer creates: keys, screenings, reviews, watchlists, policies.
CREATE TABLE tenants (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Keys are stored as SHA-256 of the secret: a leaked table cannot be replayed. Keys are 190+ bits of
-- randomness, so a slow password hash would add latency to every request and no security.
CREATE TABLE api_keys (
  id                    text PRIMARY KEY,
  tenant_id             text NOT NULL REFERENCES tenants (id),
  name                  text NOT NULL,
  prefix                text NOT NULL,
  secret_hash           bytea NOT NULL UNIQUE,
  scopes                text[] NOT NULL,
  rate_limit_per_second integer,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            text,
  revoked_at            timestamptz,
  last_used_at          timestamptz
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at DESC);

-- A policy is versioned: every screening records the version it was decided under.
CREATE TABLE policies (
  tenant_id  text NOT NULL REFERENCES tenants (id),
  version    integer NOT NULL,
  settings   jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  PRIMARY KEY (tenant_id, version)
);

INSERT INTO tenants (id, name) VALUES ('default', 'Default tenant');
