-- Seeing the phone or address of the person in need in clear is a row, as
-- for a person's file: who saw whose contact, and when.
CREATE TABLE need_reveals (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  need_id bigint NOT NULL,
  user_id bigint NOT NULL,
  field text NOT NULL CHECK (field IN ('phone', 'address')),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT need_reveals_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id)
);
CREATE INDEX need_reveals_id ON need_reveals (id);
CREATE INDEX need_reveals_need ON need_reveals (need_id, at DESC);
SELECT gj_protect_table('need_reveals', 'org_id', owner_col => 'user_id', owner_writes => true);
