-- Tenants' own goods control tables (issue 20, "import format for compliance teams"): a TARIC correlation, a
-- national list or a group export policy, uploaded as CSV (PUT /goods-tables/{id}/rows) and screened beside the
-- shipped tables. Each upload is a whole new version; versions are never edited, so a screening answered with
-- version 3 can always be explained by reading version 3. The upload's goods_table.uploaded audit event is
-- written in the same transaction as the version.
CREATE TABLE goods_tables (
  id          text PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenants (id),
  name        text NOT NULL,
  description text,
  created_by  text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX goods_tables_tenant_idx ON goods_tables (tenant_id, created_at, id);

CREATE TABLE goods_table_versions (
  table_id     text NOT NULL REFERENCES goods_tables (id),
  version      integer NOT NULL CHECK (version > 0),
  uploaded_at  timestamptz NOT NULL,
  uploaded_by  text,
  -- sha256 of the rows' canonical JSON: an identical upload makes no new version.
  content_hash text NOT NULL,
  -- The rows as loaded, read whole per version (at most 10 000, bounded by the upload), never row by row.
  rows         jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'array'),
  -- Against the version before: the counts GET /goods-tables/{id} lists; the rows are recomputed on read.
  added        integer NOT NULL,
  removed      integer NOT NULL,
  changed      integer NOT NULL,
  PRIMARY KEY (table_id, version)
);
-- Screening "as of" a moment takes the latest version uploaded by then.
CREATE INDEX goods_table_versions_time_idx ON goods_table_versions (table_id, uploaded_at);

CREATE TRIGGER goods_table_versions_append_only
  BEFORE UPDATE OR DELETE ON goods_table_versions
  FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER goods_table_versions_no_truncate
  BEFORE TRUNCATE ON goods_table_versions
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();
