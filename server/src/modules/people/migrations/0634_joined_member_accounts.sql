-- A joint committee invites the members it joins to its meetings (三顺店's
-- members' meeting), and each answers from their own phone: the meeting needs
-- their accounts, which the committee's staff cannot read through row rules
-- (the members' files stay with their own branches). Only the given people
-- who are joined members of that joint committee, and only for a caller who
-- works in the joint committee's subtree.
CREATE FUNCTION gj_joined_member_accounts(joint bigint, ids bigint[])
RETURNS TABLE (id bigint, name text, user_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.name, p.user_id
    FROM people p
   WHERE p.id = ANY (ids) AND p.is_member AND p.left_region_on IS NULL
     AND p.org_id IN (SELECT gj_joined_orgs(joint))
     AND EXISTS (SELECT 1 FROM org_labels o WHERE o.id = joint AND o.path <@ ANY (gj_read_paths()))
$$;
REVOKE ALL ON FUNCTION gj_joined_member_accounts(bigint, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_joined_member_accounts(bigint, bigint[]) TO gongjian_app;
