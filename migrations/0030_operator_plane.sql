-- The operator plane. Refreshing, approving and activating the SHARED list sources changes what every tenant
-- screens against, so it no longer belongs to a tenant scope: it needs `operator`, which only the bootstrap key
-- and keys made by `npm run operator:key` carry. `lists:admin` keeps its meaning for a tenant's own watchlists.
--
-- Existing keys need no rewrite for that: the shared-source routes now ask for `operator`, which no tenant key
-- holds, so every existing tenant key (each tenant's first key had `lists:admin`) loses its power over shared
-- sources and keeps what it had over its own watchlists. The bootstrap key (id key_bootstrap_admin, tenant
-- `default`) is the operator's: it gains `operator` here, so the operator keeps working even before the next
-- start re-applies TRADESCREEN_ADMIN_KEY (which grants it again).
UPDATE api_keys SET scopes = array_append(scopes, 'operator')
WHERE id = 'key_bootstrap_admin' AND NOT ('operator' = ANY (scopes));

-- Defence in depth behind the API's refusal: an operator key exists only in the operator's house tenant, so no
-- bug in a key path can hand another tenant the shared lists.
ALTER TABLE api_keys ADD CONSTRAINT api_keys_operator_only_in_house_tenant
  CHECK (NOT ('operator' = ANY (scopes)) OR tenant_id = 'default');

-- Who activated a version and why. An activation used to clear quarantine_reason, so a version activated over
-- its guardrails no longer showed it had been quarantined: the reason now stays, and the override is recorded.
ALTER TABLE list_versions
  ADD COLUMN activated_via text CHECK (activated_via IN ('refresh', 'operator', 'tenant')),
  ADD COLUMN activation_reason text;

-- Give back the quarantine record of versions activated before this migration: the refresh attempt that
-- quarantined a version stored the same text as its detail.
UPDATE list_versions v SET quarantine_reason = a.detail
FROM list_attempts a
WHERE v.quarantine_reason IS NULL AND v.activated_at IS NOT NULL
  AND a.source_id = v.source_id AND a.version = v.version AND a.outcome = 'quarantined';

-- The operator audit chain: shared-list activations, approvals and refresh requests, hash-chained exactly like a
-- tenant's chain (src/audit/chain-hash.ts) under the pseudo-tenant '(operator)', which no tenant id can spell.
-- Tenants' chains never hold an operator's identity or reason.
CREATE TABLE operator_audit_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seq         bigint NOT NULL UNIQUE,
  actor       text,
  type        text NOT NULL,
  occurred_at timestamptz NOT NULL,
  payload     jsonb NOT NULL,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);

-- The chain's end, one row; appending locks it, so links are never forked.
CREATE TABLE operator_audit_head (
  one  boolean PRIMARY KEY DEFAULT true CHECK (one),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO operator_audit_head (seq, hash) VALUES (0, repeat('0', 64));

CREATE TRIGGER operator_audit_events_append_only
  BEFORE UPDATE OR DELETE ON operator_audit_events
  FOR EACH ROW EXECUTE FUNCTION forbid_audit_change();
CREATE TRIGGER operator_audit_events_no_truncate
  BEFORE TRUNCATE ON operator_audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_change();
