-- What commitments reads of the projects list to find fulfilment: the
-- projects some units or members take part in, with their progress
-- updates in a span. A unit's liaison sees the unit's party rows but not the
-- project itself, so this reads with the definer's rights and keeps to the
-- party rows the caller may see: their unit's, or those of their subtree.
CREATE FUNCTION gj_project_parts(unit_ids bigint[], person_ids bigint[], from_day date, to_day date)
RETURNS TABLE (project_id bigint, name text, status text, unit_id bigint, person_id bigint, pledge text, updates int, last_update date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.name, p.status, pp.unit_id, pp.person_id, pp.pledge,
         (SELECT count(*)::int FROM project_updates u WHERE u.project_id = p.id AND u.created_at >= from_day::timestamptz AND u.created_at < (to_day + 1)::timestamptz),
         (SELECT max(u.created_at)::date FROM project_updates u WHERE u.project_id = p.id)
    FROM project_parties pp JOIN projects p ON p.id = pp.project_id
   WHERE (pp.unit_id = ANY (unit_ids) OR pp.person_id = ANY (person_ids))
     AND (pp.unit_id = ANY (gj_unit_ids())
          OR pp.org_id IN (SELECT o.id FROM org_labels o WHERE o.path <@ ANY (gj_read_paths()))
          OR pp.region_id = ANY (gj_whole_regions(gj_read_paths())))
$$;
REVOKE ALL ON FUNCTION gj_project_parts(bigint[], bigint[], date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_project_parts(bigint[], bigint[], date, date) TO gongjian_app;
