-- What the public alliance page (modules/alliance) may show of venues: the
-- available ones, their kind, place, capacity, opening hours and terms, and
-- whose they are; never the contact. Granted to nobody: only the alliance's
-- gj_alliance_public calls it.
CREATE FUNCTION gj_public_venues(p_orgs bigint[]) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'id', v.id, 'name', r.name, 'venueType', v.venue_type, 'location', v.location, 'capacity', v.capacity,
           'openDays', to_jsonb(v.open_days), 'opensAt', to_char(v.opens_at, 'HH24:MI'), 'closesAt', to_char(v.closes_at, 'HH24:MI'),
           'conditions', r.conditions, 'owner', coalesce(u.name, o.name)) ORDER BY v.unit_id NULLS FIRST, r.name), '[]')
    FROM venues v
    JOIN resources r ON r.region_id = v.region_id AND r.id = v.resource_id
    JOIN org_labels o ON o.id = v.org_id
    LEFT JOIN unit_labels u ON u.id = v.unit_id
   WHERE v.org_id = ANY (p_orgs) AND r.status = 'available'
$$;
REVOKE ALL ON FUNCTION gj_public_venues(bigint[]) FROM PUBLIC;
