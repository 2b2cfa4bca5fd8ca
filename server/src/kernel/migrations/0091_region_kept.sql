-- A row stays in its region. The region is taken from the row's organization
-- on insert (gj_region); an update that points the row at an organization of
-- another region would leave the old region_id behind, and the policies'
-- whole-region arm (0090), the shard key and the audit log all trust it.
-- Most tables' composite keys already refuse such an update; this says it
-- for every protected table, those without such a key included. Definer's
-- rights for the same reason as gj_region_from_org.
CREATE FUNCTION gj_region_kept() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  org bigint := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
BEGIN
  IF org IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations WHERE id = org AND region_id = NEW.region_id) THEN
    RAISE EXCEPTION 'a row cannot move to another region (organization %)', org USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION gj_keep_region(tbl regclass, org_col text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER gj_region_kept BEFORE UPDATE OF %I, region_id ON %s FOR EACH ROW EXECUTE FUNCTION gj_region_kept(%L)', org_col, tbl, org_col);
END $$;

SELECT gj_keep_region(t.tgrelid::regclass, (string_to_array(encode(t.tgargs, 'escape'), '\000'))[1])
  FROM pg_trigger t WHERE t.tgname = 'gj_region';

-- Tables protected from now on get it with their region.
CREATE OR REPLACE FUNCTION gj_protect_region(tbl regclass, org_col text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER gj_region BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION gj_region_from_org(%L)', tbl, org_col);
  PERFORM gj_keep_region(tbl, org_col);
END $$;
