-- A screening's request and result are stored as the canonical JSON text the service hashed into the audit
-- chain and sent as the response body, byte for byte, instead of being converted to jsonb. jsonb parsing
-- (tokenising, sorting every object's keys, building the binary form) was the largest share of PostgreSQL's
-- CPU per screening after compression, for documents that are written once and read back whole; the few
-- queries that look inside them (an officer's list: party names, top finding) use the json functions.
ALTER TABLE screenings
  ALTER COLUMN request TYPE json USING request::json,
  ALTER COLUMN result TYPE json USING result::json;

-- lz4 compresses a ~3 KB result several times faster than the default pglz, where the server is built with it.
DO $$
BEGIN
  ALTER TABLE screenings ALTER COLUMN request SET COMPRESSION lz4;
  ALTER TABLE screenings ALTER COLUMN result SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE 'lz4 is not available in this PostgreSQL build; screenings keep pglz compression';
END $$;
