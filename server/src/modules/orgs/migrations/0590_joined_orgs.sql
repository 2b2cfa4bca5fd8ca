-- 联合党委: a joint committee joins branches (ties `joins`) that keep their own
-- parents, and their members are its members too (dual identity). Its
-- secretary reads those members' names and basic fields (people's
-- gj_joined_members), never more than a branch secretary sees, through the
-- organizations this publishes: every organization under a branch the joint
-- committee joins today, only to a caller who may read the joint committee,
-- and only inside the area the joint committee sits in (its parent's
-- subtree), so a tie made otherwise still opens no other community.
CREATE FUNCTION gj_joined_orgs(joint bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.id
    FROM organizations j
    JOIN organizations a ON a.region_id = j.region_id AND a.id = j.parent_id
    JOIN org_ties t ON t.region_id = j.region_id AND t.org_id = j.id AND t.kind = 'joins'
                   AND t.started_on <= current_date AND (t.ended_on IS NULL OR t.ended_on > current_date)
    JOIN organizations b ON b.region_id = j.region_id AND b.id = t.to_org_id AND b.path <@ a.path
    JOIN organizations s ON s.region_id = j.region_id AND s.path <@ b.path
   WHERE j.id = joint AND j.kind = 'joint_committee' AND j.status = 'active'
     AND j.path <@ ANY (gj_read_paths())
$$;
REVOKE ALL ON FUNCTION gj_joined_orgs(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_joined_orgs(bigint) TO gongjian_app;

-- The joint committees an organization belongs to through a branch they join:
-- a member's file shows them beside the member's own branch. Names only,
-- within the caller's regions, like gj_org_directory().
CREATE FUNCTION gj_joint_committees_of(org bigint) RETURNS TABLE (id bigint, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT j.id, j.name
    FROM organizations o
    JOIN organizations b ON b.region_id = o.region_id AND o.path <@ b.path
    JOIN org_ties t ON t.region_id = b.region_id AND t.to_org_id = b.id AND t.kind = 'joins'
                   AND t.started_on <= current_date AND (t.ended_on IS NULL OR t.ended_on > current_date)
    JOIN organizations j ON j.region_id = t.region_id AND j.id = t.org_id AND j.kind = 'joint_committee' AND j.status = 'active'
    JOIN organizations a ON a.region_id = j.region_id AND a.id = j.parent_id AND b.path <@ a.path
   WHERE o.id = org AND o.region_id IN (SELECT gj_caller_regions())
$$;
REVOKE ALL ON FUNCTION gj_joint_committees_of(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_joint_committees_of(bigint) TO gongjian_app;
