-- Asynchronous screening of uploaded files (POST /screen/jobs). The upload is copied into screen_job_rows in
-- the upload's own transaction, so a refused upload (too large) leaves nothing behind; the worker screens the
-- rows chunk by chunk and commits each chunk's results and progress in the screenings' own transaction, so a
-- rerun resumes after the last committed chunk and no row is ever screened twice.
CREATE TABLE screen_jobs (
  id               text PRIMARY KEY,
  tenant_id        text NOT NULL REFERENCES tenants (id),
  api_key_id       text NOT NULL,
  format           text NOT NULL CHECK (format IN ('csv', 'ndjson')),
  -- The CSV header, kept so each stored row can be mapped by column name.
  csv_header       jsonb,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  rows_total       integer NOT NULL,
  rows_done        integer NOT NULL DEFAULT 0,
  count_clear      integer NOT NULL DEFAULT 0,
  count_review     integer NOT NULL DEFAULT 0,
  count_block      integer NOT NULL DEFAULT 0,
  count_error      integer NOT NULL DEFAULT 0,
  error            text,
  callback_url     text,
  callback_secret  text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz
);
CREATE INDEX screen_jobs_tenant_idx ON screen_jobs (tenant_id, created_at DESC);

-- Raw input: the NDJSON line, or the CSV record's cells as a JSON array. Text, not jsonb: a malformed line must
-- be stored as sent and reported as an error row, not refused at upload.
CREATE TABLE screen_job_rows (
  job_id  text NOT NULL REFERENCES screen_jobs (id) ON DELETE CASCADE,
  row_no  integer NOT NULL,
  input   text NOT NULL,
  -- Set when the line could not even be stored (too long, NUL bytes): the row is reported as this error.
  upload_error text,
  PRIMARY KEY (job_id, row_no)
);

-- One result per row: a screening (by reference, the screening itself stays in the audited tables) or an error.
CREATE TABLE screen_job_results (
  job_id        text NOT NULL REFERENCES screen_jobs (id) ON DELETE CASCADE,
  row_no        integer NOT NULL,
  reference     text,
  screening_id  uuid,
  decision      text,
  strongest     jsonb,
  error         jsonb,
  PRIMARY KEY (job_id, row_no),
  CHECK ((screening_id IS NULL) <> (error IS NULL))
);

-- The callback notice of a finished job and each attempt at delivering it.
CREATE TABLE screen_job_callbacks (
  job_id           text PRIMARY KEY REFERENCES screen_jobs (id) ON DELETE CASCADE,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error       text,
  last_attempt_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
