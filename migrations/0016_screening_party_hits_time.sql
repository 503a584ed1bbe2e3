-- A party-name search whose words are common ("Trading") matches thousands of distinct names; walking each
-- name's own screenings then reads most of them (125,000 rows at 1M screenings, ~240 ms). For such searches
-- the tenant's hits are walked newest first instead, keeping the matched names, and stop after one page.
CREATE INDEX screening_party_hits_time_idx
  ON screening_party_hits (tenant_id, screened_at DESC, screening_id DESC) INCLUDE (name_id);
