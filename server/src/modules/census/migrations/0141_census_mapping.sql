-- Files as people have them: which column of a ledger is which field, as
-- the user last said for their organization (the next file with the same
-- headers is read the same way), and the columns an import did not read,
-- so its report names them instead of dropping them without a word.
ALTER TABLE census_imports ADD COLUMN ignored_columns text[] NOT NULL DEFAULT '{}';

CREATE TABLE census_mappings (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  -- The header as matched: Simplified, full-width folded, lower case, no spaces.
  header text NOT NULL,
  -- A census column's key, or 'ignore'.
  field text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT census_mappings_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT census_mappings_header_key UNIQUE (region_id, org_id, header)
);
CREATE INDEX census_mappings_id ON census_mappings (id);
SELECT gj_protect_table('census_mappings', 'org_id');
