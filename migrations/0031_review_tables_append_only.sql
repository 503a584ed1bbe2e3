-- Every table an officer's judgement lives in is append-only in the database, like audit_events and
-- screening_reviews (0002, 0005): no code path and no stray UPDATE through the application's role can rewrite
-- a review or bring a revoked false positive back. A superuser can still disable these triggers; GET
-- /audit/verify then reports each altered row against the audit event that vouches for it.

-- Alert reviews are appended, never edited (0010 said so; nothing enforced it).
CREATE TRIGGER alert_reviews_append_only
  BEFORE UPDATE OR DELETE ON alert_reviews
  FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER alert_reviews_no_truncate
  BEFORE TRUNCATE ON alert_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();

-- A false-positive memory is written once; its one allowed change is the revocation, one way: revoked_at and
-- revoked_by go from NULL to a value and every other column stays as it was. Re-activating a revoked memory,
-- re-dating a revocation, or editing what was remembered is refused, so a memory can never silence a finding
-- again once an officer revoked it.
CREATE FUNCTION false_positive_memory_revoke_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.revoked_at IS NULL AND OLD.revoked_by IS NULL
     AND NEW.revoked_at IS NOT NULL AND NEW.revoked_by IS NOT NULL
     AND (NEW.id, NEW.tenant_id, NEW.party_key, NEW.party_name, NEW.source, NEW.entry_id, NEW.entry_hash,
          NEW.note, NEW.created_by, NEW.created_at, NEW.review_id)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.tenant_id, OLD.party_key, OLD.party_name, OLD.source, OLD.entry_id, OLD.entry_hash,
          OLD.note, OLD.created_by, OLD.created_at, OLD.review_id)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'false_positive_memory is append-only (one-way revocation only): % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER false_positive_memory_append_only
  BEFORE UPDATE OR DELETE ON false_positive_memory
  FOR EACH ROW EXECUTE FUNCTION false_positive_memory_revoke_only();
CREATE TRIGGER false_positive_memory_no_truncate
  BEFORE TRUNCATE ON false_positive_memory
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();
