-- The dashboard counts officers' reviews per day (GET /dashboard). The only index on reviews leads with the
-- screening, so a window of days would walk every review the tenant ever made; this one walks the window, and
-- carries the disposition so the count never visits the table.
CREATE INDEX screening_reviews_tenant_time_idx ON screening_reviews (tenant_id, created_at) INCLUDE (disposition);
