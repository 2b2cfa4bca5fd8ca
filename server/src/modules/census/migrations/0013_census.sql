-- Census imports (普查再登记). An import is a job row, so any app instance can
-- report its progress or carry it on; its rows are staged beside it, checked
-- and sealed, and applied in chunks, each chunk one transaction that also
-- advances the job. A process killed mid-file loses nothing committed: the
-- rows still pending are picked up where it stopped.
CREATE TABLE census_imports (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The organization imported into: every row lands in its subtree.
  org_id bigint NOT NULL,
  -- Who imported; they see their own jobs.
  user_id bigint NOT NULL,
  file_name text NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  total_rows integer NOT NULL CHECK (total_rows >= 0),
  done_rows integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  merged_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  rejected_count integer NOT NULL DEFAULT 0,
  failure text,
  started_at timestamptz NOT NULL DEFAULT now(),
  -- Advanced with every chunk: a running job whose heartbeat is old was interrupted.
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (region_id, id),
  CONSTRAINT census_imports_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT census_imports_progress CHECK (done_rows BETWEEN 0 AND total_rows),
  CONSTRAINT census_imports_finished CHECK ((status = 'running') = (finished_at IS NULL)),
  CONSTRAINT census_imports_failure CHECK ((status = 'failed') = (failure IS NOT NULL))
);
CREATE INDEX census_imports_id ON census_imports (id);
CREATE INDEX census_imports_org ON census_imports (org_id, id DESC);
SELECT gj_protect_table('census_imports', 'org_id', owner_col => 'user_id');

CREATE TABLE census_rows (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  import_id bigint NOT NULL,
  -- The import's organization (for scoping), not the row's.
  org_id bigint NOT NULL,
  -- The row number as the spreadsheet shows it.
  row_no integer NOT NULL,
  name text NOT NULL,
  -- The row as read and the person it became, encrypted: both hold identity numbers.
  payload_enc text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('pending', 'created', 'merged', 'unchanged', 'rejected')),
  field text,
  message text,
  person_id bigint,
  PRIMARY KEY (region_id, id),
  CONSTRAINT census_rows_import_fkey FOREIGN KEY (region_id, import_id) REFERENCES census_imports (region_id, id) ON DELETE CASCADE,
  CONSTRAINT census_rows_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT census_rows_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT census_rows_row_key UNIQUE (region_id, import_id, row_no),
  CONSTRAINT census_rows_rejected CHECK ((outcome = 'rejected') = (field IS NOT NULL))
);
CREATE INDEX census_rows_id ON census_rows (id);
CREATE INDEX census_rows_pending ON census_rows (import_id, row_no) WHERE outcome = 'pending';
CREATE INDEX census_rows_outcome ON census_rows (import_id, outcome, row_no);
SELECT gj_protect_table('census_rows', 'org_id', masked => '{name}');
-- Staged rows are the job's working copy of a file, written twice per row
-- (staged, then its outcome); what they become is audited where it lands, in
-- people. Logging them too would double an import's cost for no reader.
DROP TRIGGER gj_audit ON census_rows;
