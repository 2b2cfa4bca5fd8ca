-- pg_restore recreates triggers under an empty search_path, where the ltree
-- comparison in gj_org_move_descendants's WHEN clause cannot be resolved: the
-- trigger was silently left out of a restored database, and moving an
-- organization no longer moved its subtree (nor who sees its rows). The
-- comparison now lives in the function body, which runs with a fixed
-- search_path whatever the session's.
DROP TRIGGER gj_org_move_descendants ON organizations;

CREATE OR REPLACE FUNCTION gj_org_move_descendants() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF NEW.path = OLD.path THEN RETURN NULL; END IF;
  UPDATE organizations SET path = NEW.path || subpath(path, nlevel(OLD.path))
   WHERE path <@ OLD.path AND id <> NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_org_move_descendants AFTER UPDATE OF parent_id ON organizations
  FOR EACH ROW EXECUTE FUNCTION gj_org_move_descendants();
