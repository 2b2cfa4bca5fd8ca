-- Some rows belong to two organizations at once (a transfer: the sending and
-- the receiving side). gj_protect_table gains other_org_col: staff of either
-- organization's subtree see and change the row. Same one place, same policies.
DROP FUNCTION gj_protect_table(regclass, text, text, text, text, boolean, boolean, text[], boolean);

CREATE FUNCTION gj_protect_table(
  tbl regclass, org_col text,
  paths_fn text DEFAULT 'gj_read_paths',
  unit_col text DEFAULT NULL, owner_col text DEFAULT NULL,
  unit_writes boolean DEFAULT false, owner_writes boolean DEFAULT false,
  masked text[] DEFAULT '{}', read_only boolean DEFAULT false,
  other_org_col text DEFAULT NULL
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  in_subtree text := format('%I IN (SELECT o.id FROM organizations o WHERE o.path <@ ANY (%s()))', org_col, paths_fn);
  in_other text := CASE WHEN other_org_col IS NULL THEN NULL
                   ELSE format('%I IN (SELECT o.id FROM organizations o WHERE o.path <@ ANY (%s()))', other_org_col, paths_fn) END;
  by_unit text := CASE WHEN unit_col IS NULL THEN NULL ELSE format('%I = ANY (gj_unit_ids())', unit_col) END;
  by_owner text := CASE WHEN owner_col IS NULL THEN NULL ELSE format('%I = gj_user_id()', owner_col) END;
  can_read text := concat_ws(' OR ', in_subtree, in_other, by_unit, by_owner);
  can_write text := concat_ws(' OR ', in_subtree, in_other,
                              CASE WHEN unit_writes THEN by_unit END,
                              CASE WHEN owner_writes THEN by_owner END);
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  IF NOT read_only THEN PERFORM gj_protect_region(tbl, org_col); END IF;
  EXECUTE format('CREATE POLICY gj_read ON %s FOR SELECT TO gongjian_app USING (%s)', tbl, can_read);
  IF read_only THEN
    EXECUTE format('GRANT SELECT ON %s TO gongjian_app', tbl);
  ELSE
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO gongjian_app', tbl);
    EXECUTE format('CREATE POLICY gj_insert ON %s FOR INSERT TO gongjian_app WITH CHECK (%s)', tbl, can_write);
    EXECUTE format('CREATE POLICY gj_update ON %s FOR UPDATE TO gongjian_app USING (%s) WITH CHECK (%s)', tbl, can_write, can_write);
    EXECUTE format('CREATE POLICY gj_delete ON %s FOR DELETE TO gongjian_app USING (%s)', tbl, can_write);
    EXECUTE format('CREATE TRIGGER gj_audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION gj_audit(%s)',
                   tbl, array_to_string(ARRAY(SELECT quote_literal(x) FROM unnest(org_col || masked) x), ', '));
  END IF;
END $$;
