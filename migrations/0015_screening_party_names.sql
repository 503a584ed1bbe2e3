-- Fuzzy party-name search over millions of screenings (GET /screenings?partyName=). A trigram index on every
-- screening's names returns thousands of candidate rows for one typo'd name, each on its own heap block, so the
-- search read ~15,000 blocks (~470 ms at 1M rows). Repeated customers mean few distinct names: the trigram
-- search runs on this small table of each tenant's distinct names (normalised to ASCII by the app, see
-- src/audit/party-name-key.ts), and the matches are walked newest first in the narrow table below.
CREATE TABLE screening_party_names (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenants (id),
  name       text NOT NULL,
  UNIQUE (tenant_id, name)
);

-- One row per (screening, distinct name of its parties and aliases). A derived projection of screenings,
-- rebuildable from them; no foreign keys because both parents are append-only (rows are never deleted) and
-- the per-row checks would double the cost of a 1,000-item batch.
CREATE TABLE screening_party_hits (
  tenant_id     text NOT NULL,
  name_id       bigint NOT NULL,
  screened_at   timestamptz NOT NULL,
  screening_id  uuid NOT NULL
);

-- Backfill. The app's normalisation is JavaScript (the matching engine's transliteration); this SQL form agrees
-- with it for ASCII, Latin diacritics and Russian Cyrillic. A name it writes differently only gets a second
-- row in screening_party_names that a search can miss: the screenings stored from now on use the app's form.
CREATE FUNCTION pg_temp.party_name_key(raw text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(
    translate(
      replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
        replace(replace(replace(lower(normalize(raw, NFKC)),
        'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'),
        'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'đ', 'dj'), 'є', 'ye'), 'ї', 'yi'), 'ъ', ''), 'ь', ''),
      'абвгдеёзийклмнопрстуфыэіґўàáâãäåāăąçćčďèéêëēėęěìíîïīįıľłñńňòóôõöōőøŕřśšşţťùúûüūůűųýÿźżžğ''’ʼ`ʻ‘',
      'abvgdeeziyklmnoprstufyeiguaaaaaaaaacccdeeeeeeeeiiiiiiillnnnoooooooorrsssttuuuuuuuuyyzzzg'),
    '[^a-z0-9]+', ' ', 'g'))
$$;

CREATE TEMP TABLE backfill_party_names ON COMMIT DROP AS
SELECT DISTINCT s.tenant_id, s.id AS screening_id, s.screened_at, pg_temp.party_name_key(n.raw) AS name
FROM screenings s
CROSS JOIN LATERAL jsonb_array_elements(s.request -> 'parties') p
CROSS JOIN LATERAL (
  SELECT p ->> 'name'
  UNION ALL
  SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(p -> 'aliases') = 'array' THEN p -> 'aliases' END)
) n (raw)
WHERE n.raw IS NOT NULL;

INSERT INTO screening_party_names (tenant_id, name)
SELECT DISTINCT tenant_id, name FROM backfill_party_names WHERE name <> '' ORDER BY tenant_id, name;

INSERT INTO screening_party_hits (tenant_id, name_id, screened_at, screening_id)
SELECT b.tenant_id, n.id, b.screened_at, b.screening_id
FROM backfill_party_names b
JOIN screening_party_names n ON n.tenant_id = b.tenant_id AND n.name = b.name;

-- word_similarity (<%) on a few tens of thousands of names per tenant instead of a million screenings.
CREATE INDEX screening_party_names_trgm_idx ON screening_party_names USING gin (name gin_trgm_ops);
-- Each matched name's screenings, newest first, from the index alone (keyset on screened_at, screening_id).
CREATE UNIQUE INDEX screening_party_hits_walk_idx
  ON screening_party_hits (tenant_id, name_id, screened_at DESC, screening_id DESC);
