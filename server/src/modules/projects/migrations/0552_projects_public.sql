-- What the public alliance page (modules/alliance) may show of projects: the
-- active and completed ones, their summary, their latest progress and how
-- many units take part; not the members among the parties. Granted to
-- nobody: only the alliance's gj_alliance_public calls it.
CREATE FUNCTION gj_public_projects(p_orgs bigint[]) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'id', p.id, 'name', p.name, 'summary', p.summary, 'status', p.status, 'startedOn', p.started_on, 'completedOn', p.completed_on,
           'outcome', p.outcome, 'host', o.name,
           'progress', CASE WHEN p.status = 'completed' THEN 100 ELSE coalesce(
             (SELECT pu.progress FROM project_updates pu WHERE pu.region_id = p.region_id AND pu.project_id = p.id ORDER BY pu.created_at DESC, pu.id DESC LIMIT 1), 0) END,
           'units', (SELECT count(*) FROM project_parties pp WHERE pp.region_id = p.region_id AND pp.project_id = p.id AND pp.unit_id IS NOT NULL))
           ORDER BY p.status, p.started_on DESC, p.id), '[]')
    FROM projects p JOIN org_labels o ON o.id = p.org_id
   WHERE p.org_id = ANY (p_orgs) AND p.status IN ('active', 'completed')
$$;
REVOKE ALL ON FUNCTION gj_public_projects(bigint[]) FROM PUBLIC;
