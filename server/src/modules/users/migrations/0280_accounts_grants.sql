-- Every grant of many accounts at once, as gj_account_grants gave them for
-- one (which it replaces): a page of accounts carries what the caller may do
-- to each, and who may manage an account depends on all it holds, those
-- outside the caller's view included.

CREATE FUNCTION gj_accounts_grants(accounts bigint[]) RETURNS TABLE (user_id bigint, role text, org_path text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g.user_id, g.role, o.path::text FROM user_grants g JOIN org_labels o ON o.id = g.org_id
   WHERE g.user_id = ANY (accounts)
     AND EXISTS (SELECT 1 FROM users u JOIN org_labels m ON m.id = u.org_id
                  WHERE u.id = g.user_id AND (m.path <@ ANY (gj_admin_paths()) OR u.id = gj_user_id()))
$$;
REVOKE ALL ON FUNCTION gj_accounts_grants(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_accounts_grants(bigint[]) TO gongjian_app;

DROP FUNCTION gj_account_grants(bigint);
