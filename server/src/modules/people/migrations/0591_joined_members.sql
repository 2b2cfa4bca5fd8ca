-- 联合党委: the members of the branches a joint committee joins are its members
-- too (dual identity), while each stays in their own branch. The joint
-- committee's secretary holds no grant at those branches, so row-level
-- security would hide them; this hands over their names and basic fields —
-- what the people list shows, never the masked phone, identity number,
-- address or anything of the file — for the organizations orgs publishes
-- (gj_joined_orgs: only to a caller who may read the joint committee, only
-- inside the area it sits in). The file itself stays behind row-level security.
CREATE FUNCTION gj_joined_members(joint bigint)
RETURNS TABLE (id bigint, name text, gender text, org_id bigint, org_name text, unit_id bigint, is_member boolean,
               category text, member_status text, left_region_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.name, p.gender, p.org_id, o.name, p.unit_id, p.is_member, p.category, p.member_status, p.left_region_on
    FROM people p LEFT JOIN org_labels o ON o.id = p.org_id
   WHERE p.org_id IN (SELECT gj_joined_orgs(joint)) AND p.is_member
$$;
REVOKE ALL ON FUNCTION gj_joined_members(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_joined_members(bigint) TO gongjian_app;

-- The joint committees the caller, as a member, belongs to through their own
-- branch: another module's policy may widen what such a member reads by these
-- ids (the joint committee's activities open to members).
CREATE FUNCTION gj_my_joint_org_ids() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT j.id), '{}')
    FROM people p CROSS JOIN LATERAL gj_joint_committees_of(p.org_id) j
   WHERE p.user_id = gj_user_id() AND p.is_member AND p.left_region_on IS NULL
$$;
REVOKE ALL ON FUNCTION gj_my_joint_org_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_my_joint_org_ids() TO gongjian_app;
