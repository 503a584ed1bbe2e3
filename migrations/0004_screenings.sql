-- A screening exactly as it was answered. Immutable like the audit log: reviews are separate rows, and the
-- review status is derived from them, so the original answer can never be rewritten.
CREATE TABLE screenings (
  id               uuid PRIMARY KEY,
  tenant_id        text NOT NULL REFERENCES tenants (id),
  api_key_id       text NOT NULL,
  reference        text,
  decision         text NOT NULL CHECK (decision IN ('clear', 'review', 'block')),
  screened_at      timestamptz NOT NULL,
  policy_version   integer NOT NULL,
  request          jsonb NOT NULL,
  result           jsonb NOT NULL,
  -- denormalised for the officer's filters over millions of rows
  party_names      text NOT NULL,
  sources          text[] NOT NULL,
  entry_ids        text[] NOT NULL,
  idempotency_key  text,
  request_hash     text NOT NULL,
  audit_seq        bigint NOT NULL
);
CREATE UNIQUE INDEX screenings_idempotency_idx ON screenings (tenant_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX screenings_tenant_time_idx ON screenings (tenant_id, screened_at DESC, id DESC);
CREATE INDEX screenings_tenant_reference_idx ON screenings (tenant_id, reference, screened_at DESC);
CREATE INDEX screenings_tenant_decision_idx ON screenings (tenant_id, decision, screened_at DESC, id DESC);
CREATE INDEX screenings_entry_ids_idx ON screenings USING gin (entry_ids);
CREATE INDEX screenings_sources_idx ON screenings USING gin (sources);

CREATE TRIGGER screenings_append_only
  BEFORE UPDATE OR DELETE ON screenings
  FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER screenings_no_truncate
  BEFORE TRUNCATE ON screenings
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();
