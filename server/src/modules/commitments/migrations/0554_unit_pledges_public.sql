-- What the public alliance page (modules/alliance) may show of commitments:
-- units' pledges in force, what each pledges and how often; not for whom
-- (a beneficiary may be a named resident) and nothing of members' pledges.
-- Granted to nobody: only the alliance's gj_alliance_public calls it.
CREATE FUNCTION gj_public_unit_pledges(p_orgs bigint[]) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('unitId', c.unit_id, 'endsOn', c.ends_on,
           'items', (SELECT coalesce(jsonb_agg(jsonb_build_object('what', i.what, 'cadence', i.cadence) ORDER BY i.position, i.id), '[]')
                       FROM commitment_items i WHERE i.region_id = c.region_id AND i.commitment_id = c.id)) ORDER BY c.party_name, c.id), '[]')
    FROM commitments c
   WHERE c.org_id = ANY (p_orgs) AND c.kind = 'unit' AND c.status = 'in_force' AND c.unit_id IS NOT NULL
$$;
REVOKE ALL ON FUNCTION gj_public_unit_pledges(bigint[]) FROM PUBLIC;
