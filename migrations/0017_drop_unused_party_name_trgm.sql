-- Fuzzy party-name search now runs on screening_party_names / screening_party_hits (0015, 0016). The trigram
-- index over every screening's names is read by no query any more, and each screening paid for it on INSERT.
DROP INDEX IF EXISTS screenings_party_names_trgm_idx;
