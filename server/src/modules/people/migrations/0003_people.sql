-- People: residents and members. The foundation keeps only what scoping,
-- counting and the benchmark need; the people module grows this table.
CREATE TABLE people (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The organization that holds the person: the home organization of a
  -- member, the residence community of a resident.
  org_id bigint NOT NULL,
  -- The work unit, whose liaison also sees the person.
  unit_id bigint,
  -- The person's own account, if any: they see their own file.
  user_id bigint,
  name text NOT NULL CHECK (btrim(name) <> ''),
  gender text CHECK (gender IN ('male', 'female')),
  phone_enc text,
  phone_mask text,
  is_member boolean NOT NULL DEFAULT false,
  category text CHECK (category IN ('employed', 'retired', 'laid_off', 'mobile', 'unemployed_graduate', 'veteran', 'relocated_rural', 'student')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT people_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT people_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id)
);
CREATE INDEX people_id ON people (id);
CREATE INDEX people_org ON people (org_id);
CREATE INDEX people_unit ON people (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX people_user ON people (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX people_name_trgm ON people USING gin (name gin_trgm_ops);
SELECT gj_protect_table('people', 'org_id', unit_col => 'unit_id', owner_col => 'user_id');
