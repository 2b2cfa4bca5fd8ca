-- Person and member files. Identity numbers, phones and addresses are stored
-- encrypted (*_enc) with a masked copy for display (*_mask); an identity number
-- also has a keyed hash (id_number_hash) so one person is one row per region
-- and imports merge instead of doubling.
ALTER TABLE people
  ADD COLUMN ethnicity text,
  ADD COLUMN birth_date date,
  ADD COLUMN id_number_enc text,
  ADD COLUMN id_number_hash text,
  ADD COLUMN id_number_mask text,
  ADD COLUMN address_enc text,
  ADD COLUMN address_mask text,
  ADD COLUMN joined_on date,
  ADD COLUMN member_status text CHECK (member_status IN ('probationary', 'full')),
  ADD COLUMN party_post text,
  ADD COLUMN skills text[] NOT NULL DEFAULT '{}',
  -- Elderly or disabled members to whom study is delivered at home.
  ADD COLUMN study_at_home boolean NOT NULL DEFAULT false,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT people_member_fields CHECK (is_member OR (joined_on IS NULL AND member_status IS NULL AND party_post IS NULL));
CREATE UNIQUE INDEX people_id_number_key ON people (region_id, id_number_hash) WHERE id_number_hash IS NOT NULL;
CREATE INDEX people_skills ON people USING gin (skills);

-- Every disclosure of a masked value is a row, so the audit log says who saw
-- whose identity number or phone, and when.
CREATE TABLE person_reveals (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  user_id bigint NOT NULL,
  field text NOT NULL CHECK (field IN ('idNumber', 'phone', 'address')),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT person_reveals_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id)
);
CREATE INDEX person_reveals_id ON person_reveals (id);
CREATE INDEX person_reveals_person ON person_reveals (person_id, at DESC);
SELECT gj_protect_table('person_reveals', 'org_id', owner_col => 'user_id', owner_writes => true);
