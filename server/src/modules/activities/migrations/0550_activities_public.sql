-- What the public alliance page (modules/alliance) may show of activities:
-- the upcoming ones open to residents, with their time, place and host, and
-- nothing of who signed up. Granted to nobody: only the alliance's
-- gj_alliance_public calls it, for the organizations a page publishes.
CREATE FUNCTION gj_public_activities(p_orgs bigint[]) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'id', a.id, 'title', a.title, 'kind', a.kind, 'place', a.place, 'startsAt', a.starts_at, 'endsAt', a.ends_at,
           'capacity', a.capacity, 'host', coalesce(u.name, o.name)) ORDER BY a.starts_at, a.id), '[]')
    FROM (SELECT * FROM activities
           WHERE org_id = ANY (p_orgs) AND status = 'open' AND 'residents' = ANY (audience) AND ends_at > now()
           ORDER BY starts_at LIMIT 50) a
    JOIN org_labels o ON o.id = a.org_id
    LEFT JOIN unit_labels u ON u.id = a.unit_id
$$;
REVOKE ALL ON FUNCTION gj_public_activities(bigint[]) FROM PUBLIC;
