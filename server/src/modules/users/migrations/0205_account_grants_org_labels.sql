-- An account's grants name their organizations' paths from the view orgs
-- publishes (org_labels), not its table (DEVELOPERS.md, "Module boundaries").

CREATE OR REPLACE FUNCTION gj_account_grants(account bigint) RETURNS TABLE (role text, org_path text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g.role, o.path::text FROM user_grants g JOIN org_labels o ON o.id = g.org_id
   WHERE g.user_id = account
     AND EXISTS (SELECT 1 FROM users u JOIN org_labels m ON m.id = u.org_id
                  WHERE u.id = account AND (m.path <@ ANY (gj_admin_paths()) OR u.id = gj_user_id()))
$$;
