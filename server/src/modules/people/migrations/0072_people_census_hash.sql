-- The census row a person's file was last written from, as a keyed hash of
-- its content: importing the same row again can then be known to change
-- nothing without decrypting and comparing the file. Any other change to the
-- file (an edit, a transfer, a later import of different content) clears it,
-- so a stale hash can only send a row the slow way, never skip a change.
ALTER TABLE people ADD COLUMN census_hash text;

CREATE FUNCTION gj_people_census_hash() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.census_hash IS NOT DISTINCT FROM OLD.census_hash THEN
    NEW.census_hash := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_people_census_hash BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION gj_people_census_hash();
