-- An account for someone on file who activates it themselves (people's
-- gj_activate_account), so that module writes no users table itself: a
-- member's or a resident's role at the person's organization, nothing
-- higher. Not granted to the application: only that definer-rights function
-- calls it, after its own checks. A username already taken makes nothing and
-- answers null.
CREATE FUNCTION gj_create_person_account(p_org_id bigint, p_username text, p_display_name text, p_password_hash text, p_role text) RETURNS bigint
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE account bigint;
BEGIN
  IF p_role NOT IN ('member', 'resident') THEN
    RAISE EXCEPTION 'a person activates only a member''s or a resident''s account' USING ERRCODE = '23514';
  END IF;
  IF EXISTS (SELECT 1 FROM users WHERE username = p_username) THEN
    RETURN NULL;
  END IF;
  INSERT INTO users (org_id, username, display_name, password_hash) VALUES (p_org_id, p_username, p_display_name, p_password_hash)
    RETURNING id INTO account;
  INSERT INTO user_grants (user_id, role, org_id) VALUES (account, p_role, p_org_id);
  RETURN account;
END $$;
REVOKE ALL ON FUNCTION gj_create_person_account(bigint, text, text, text, text) FROM PUBLIC;
