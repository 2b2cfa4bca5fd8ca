-- A resident account, for the module that signs residents up (residents'
-- gj_register_resident), so that it writes no users table itself. Not
-- granted to the application: only that definer-rights function calls it,
-- after its own checks. A username already taken makes nothing and answers
-- null.
CREATE FUNCTION gj_create_resident_account(p_org_id bigint, p_username text, p_display_name text, p_password_hash text) RETURNS bigint
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE account bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE username = p_username) THEN
    RETURN NULL;
  END IF;
  INSERT INTO users (org_id, username, display_name, password_hash) VALUES (p_org_id, p_username, p_display_name, p_password_hash)
    RETURNING id INTO account;
  INSERT INTO user_grants (user_id, role, org_id) VALUES (account, 'resident', p_org_id);
  RETURN account;
END $$;
REVOKE ALL ON FUNCTION gj_create_resident_account(bigint, text, text, text) FROM PUBLIC;
