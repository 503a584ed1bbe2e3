-- Shipments made under a licence (issue 20): what is left of its quantity and value limits is the limit less
-- these. Append-only like the licences themselves (0032): a drawdown is never edited or deleted, so what is
-- left can only shrink, and each one is a licence.drawn_down event in the tenant's chain.
CREATE TABLE licence_drawdowns (
  id         text PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenants (id),
  licence_id text NOT NULL REFERENCES licences (id),
  shipped_on date NOT NULL,
  quantity   numeric CHECK (quantity > 0),
  value      numeric CHECK (value > 0),
  currency   text CHECK (currency ~ '^[A-Z]{3}$'),
  reference  text,
  created_by text,
  created_at timestamptz NOT NULL,
  CHECK (quantity IS NOT NULL OR value IS NOT NULL),
  CHECK (value IS NULL OR currency IS NOT NULL)
);
CREATE INDEX licence_drawdowns_licence_idx ON licence_drawdowns (tenant_id, licence_id);

CREATE TRIGGER licence_drawdowns_append_only
  BEFORE UPDATE OR DELETE ON licence_drawdowns
  FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER licence_drawdowns_no_truncate
  BEFORE TRUNCATE ON licence_drawdowns
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();
