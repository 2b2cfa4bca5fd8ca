-- Whether an account may be managed depends on every grant it holds, including
-- those bound outside the caller's subtree, which row-level security hides from
-- them: a street admin's account managed by a community must not be the
-- community's to reset. This lists them all, for an account the caller can
-- see at all (one managed in their admin subtree, or their own): roles and
-- organization paths only.
CREATE FUNCTION gj_account_grants(account bigint) RETURNS TABLE (role text, org_path text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g.role, o.path::text FROM user_grants g JOIN organizations o ON o.id = g.org_id
   WHERE g.user_id = account
     AND EXISTS (SELECT 1 FROM users u JOIN organizations m ON m.id = u.org_id
                  WHERE u.id = account AND (m.path <@ ANY (gj_admin_paths()) OR u.id = gj_user_id()))
$$;
REVOKE ALL ON FUNCTION gj_account_grants(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_account_grants(bigint) TO gongjian_app;
