-- Named reviewers (issue 23): a key can belong to a person, and a review records the person who made it.
-- Both columns or neither: a key is a person's, or nobody's (a service key).
ALTER TABLE api_keys
  ADD COLUMN person_name  text,
  ADD COLUMN person_email text,
  ADD CONSTRAINT api_keys_person_whole CHECK ((person_name IS NULL) = (person_email IS NULL));

-- The person is copied into the review (not joined from the key): the review is what was signed then, and
-- the review's audit event carries the same copy, so GET /audit/verify covers it. Adding nullable columns
-- rewrites no row, so the append-only triggers of 0005 are not involved; old reviews keep NULL (a key only).
ALTER TABLE screening_reviews
  ADD COLUMN reviewer_name  text,
  ADD COLUMN reviewer_email text,
  ADD CONSTRAINT screening_reviews_reviewer_whole CHECK ((reviewer_name IS NULL) = (reviewer_email IS NULL));
