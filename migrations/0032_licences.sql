-- A tenant's export licences (issue 20). A licence can lower a goods-control finding, so it is kept like the
-- other tables an officer's judgement lives in (0031): written once, and its one allowed change is the
-- revocation, one way. Amending a licence means revoking it and recording the new one; every step is an audit
-- event in the tenant's chain (licence.created, licence.revoked), written in the same transaction.
CREATE TABLE licences (
  id                text PRIMARY KEY,
  tenant_id         text NOT NULL REFERENCES tenants (id),
  number            text NOT NULL,
  authority         text NOT NULL,
  regime            text NOT NULL CHECK (regime IN ('EU', 'US', 'UK', 'national')),
  -- [{controlNumber?, code?, description?}]: read whole with the licence, never queried item by item.
  goods             jsonb NOT NULL CHECK (jsonb_typeof(goods) = 'array' AND jsonb_array_length(goods) > 0),
  destination       text NOT NULL,
  consignee         text,
  end_user          text,
  quantity_limit    numeric CHECK (quantity_limit > 0),
  value_limit       numeric CHECK (value_limit > 0),
  currency          text CHECK (currency ~ '^[A-Z]{3}$'),
  valid_from        date NOT NULL,
  valid_to          date NOT NULL,
  note              text,
  created_by        text,
  created_at        timestamptz NOT NULL,
  revoked_at        timestamptz,
  revoked_by        text,
  revocation_reason text,
  CHECK (valid_from <= valid_to),
  CHECK (consignee IS NOT NULL OR end_user IS NOT NULL),
  CHECK (value_limit IS NULL OR currency IS NOT NULL),
  CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);
-- One licence number per issuing authority and tenant: recording it twice would double its quantity and value.
CREATE UNIQUE INDEX licences_number_idx ON licences (tenant_id, authority, number);
-- GET /licences pages newest first; ids are time-ordered.
CREATE INDEX licences_tenant_idx ON licences (tenant_id, id DESC);

CREATE FUNCTION licences_revoke_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL AND NEW.revocation_reason IS NOT NULL
     AND (NEW.id, NEW.tenant_id, NEW.number, NEW.authority, NEW.regime, NEW.goods, NEW.destination, NEW.consignee,
          NEW.end_user, NEW.quantity_limit, NEW.value_limit, NEW.currency, NEW.valid_from, NEW.valid_to, NEW.note,
          NEW.created_by, NEW.created_at)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.tenant_id, OLD.number, OLD.authority, OLD.regime, OLD.goods, OLD.destination, OLD.consignee,
          OLD.end_user, OLD.quantity_limit, OLD.value_limit, OLD.currency, OLD.valid_from, OLD.valid_to, OLD.note,
          OLD.created_by, OLD.created_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'licences are append-only (one-way revocation only): % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER licences_append_only
  BEFORE UPDATE OR DELETE ON licences
  FOR EACH ROW EXECUTE FUNCTION licences_revoke_only();
CREATE TRIGGER licences_no_truncate
  BEFORE TRUNCATE ON licences
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();

-- The new scope. A tenant's full administrator keys (those holding every tenant scope there was, like each
-- tenant's first key) gain it, so no tenant is locked out of its licences: POST /keys can grant only scopes
-- the caller holds. Narrower keys do not: recording a licence lowers findings, a power none of them had.
UPDATE api_keys SET scopes = array_append(scopes, 'licences:admin')
WHERE revoked_at IS NULL
  AND scopes @> ARRAY['screen', 'audit:read', 'review', 'lists:admin', 'keys:admin']
  AND NOT ('licences:admin' = ANY (scopes));
