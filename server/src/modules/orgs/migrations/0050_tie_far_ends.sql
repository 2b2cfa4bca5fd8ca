-- A tie joins two sides, and both should see it: the community a street
-- guides sees that it is guided, and by whom. Either side may also end it.
DROP POLICY gj_read ON org_ties;
DROP POLICY gj_insert ON org_ties;
DROP POLICY gj_update ON org_ties;
DROP POLICY gj_delete ON org_ties;
DROP TRIGGER gj_audit ON org_ties;
DROP TRIGGER gj_region ON org_ties;
SELECT gj_protect_table('org_ties', 'org_id', other_org_col => 'to_org_id');

-- The regions the caller works in (by any grant): the bound of every name
-- directory.
CREATE FUNCTION gj_caller_regions() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT o.region_id FROM organizations o
   WHERE o.path <@ ANY (gj_read_paths()) OR o.id = ANY (gj_node_ids())
      OR o.id IN (SELECT u.org_id FROM units u WHERE u.id = ANY (gj_unit_ids()))
$$;
REVOKE ALL ON FUNCTION gj_caller_regions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_caller_regions() TO gongjian_app;

CREATE OR REPLACE FUNCTION gj_org_directory() RETURNS TABLE (id bigint, name text, kind text, parent_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, c.name, c.kind, p.name
    FROM organizations c LEFT JOIN organizations p ON p.id = c.parent_id
   WHERE c.status = 'active' AND c.region_id IN (SELECT gj_caller_regions())
$$;

-- Unit names across the caller's regions, like gj_org_directory(): a chart
-- shows the far end of a tie (a hospital located in the next community) by
-- name and place, and nothing else of it.
CREATE FUNCTION gj_unit_directory(ids bigint[]) RETURNS TABLE (id bigint, name text, kind text, org_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.id, u.name, u.kind, o.name
    FROM units u JOIN organizations o ON o.region_id = u.region_id AND o.id = u.org_id
   WHERE u.id = ANY (ids) AND u.region_id IN (SELECT gj_caller_regions())
$$;
REVOKE ALL ON FUNCTION gj_unit_directory(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_unit_directory(bigint[]) TO gongjian_app;
