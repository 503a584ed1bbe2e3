-- The audit log: every event a regulator may ask about, append-only and hash-chained per tenant.
CREATE TABLE audit_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenants (id),
  seq         bigint NOT NULL,
  actor       text,
  type        text NOT NULL,
  occurred_at timestamptz NOT NULL,
  payload     jsonb NOT NULL,
  prev_hash   text NOT NULL,
  hash        text NOT NULL,
  UNIQUE (tenant_id, seq)
);
CREATE INDEX audit_events_tenant_type_idx ON audit_events (tenant_id, type, id DESC);

-- One row per tenant holding the end of its chain; appending locks it, so links are never forked.
CREATE TABLE audit_heads (
  tenant_id text PRIMARY KEY REFERENCES tenants (id),
  seq       bigint NOT NULL,
  hash      text NOT NULL
);

-- Append-only, enforced in the database so that no code path (nor an operator's stray UPDATE through the
-- application's role) can alter history. A superuser can still disable the trigger: the hash chain makes that
-- visible (GET /audit/verify).
CREATE FUNCTION forbid_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();
