-- The officer's filters over millions of screenings (GET /screenings, /screenings/export), each served newest
-- first from an index. Fuzzy party-name search uses trigram similarity (pg_trgm ships with PostgreSQL).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX screenings_party_names_trgm_idx ON screenings USING gin (party_names gin_trgm_ops);
CREATE INDEX screenings_tenant_key_idx ON screenings (tenant_id, api_key_id, screened_at DESC, id DESC);
