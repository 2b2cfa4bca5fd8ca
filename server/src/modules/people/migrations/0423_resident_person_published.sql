-- A resident's person file (a non-member with a name and phone, linked to
-- their account), for the module that signs residents up, so that it writes
-- no people table itself. Not granted to the application: only residents'
-- definer-rights gj_register_resident calls it, after its own checks.
CREATE FUNCTION gj_add_resident_person(p_org_id bigint, p_user_id bigint, p_name text, p_phone_enc text, p_phone_mask text) RETURNS void
LANGUAGE sql SET search_path = public AS $$
  INSERT INTO people (org_id, user_id, name, phone_enc, phone_mask, is_member) VALUES (p_org_id, p_user_id, p_name, p_phone_enc, p_phone_mask, false)
$$;
REVOKE ALL ON FUNCTION gj_add_resident_person(bigint, bigint, text, text, text) FROM PUBLIC;
