-- Resident sign-up writes the account and the person file through the
-- functions users (0422) and people (0423) publish, and reads communities
-- through org_labels: residents touches no other module's table.

-- Communities by name, for the registration page (no one is signed in yet).
-- Names of party organizations are public; nothing else is shown.
CREATE OR REPLACE FUNCTION gj_public_community_directory() RETURNS TABLE (id bigint, name text, street text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, c.name, p.name
    FROM org_labels c LEFT JOIN org_labels p ON p.id = c.parent_id
   WHERE c.status = 'active' AND c.kind IN ('community_committee', 'comprehensive_committee', 'residential_committee')
$$;
REVOKE ALL ON FUNCTION gj_public_community_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_public_community_directory() TO gongjian_app;

-- Creates a non-member person with a name and phone in the chosen community,
-- a `resident` account whose username is the phone number, and links the
-- two, with the definer's rights (no one is signed in, so there is no scope
-- to write in). Every attempt is counted per client and per phone before
-- anything is looked up; a phone that already has an account is answered
-- like a new one, with nothing done.
CREATE OR REPLACE FUNCTION gj_register_resident(
  p_community_id bigint, p_name text, p_phone text, p_phone_enc text, p_phone_mask text, p_password_hash text,
  p_client_hash text, p_phone_key text, p_per_client_hour int, p_per_phone_day int
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  region bigint;
  account bigint;
BEGIN
  SELECT o.region_id INTO region FROM org_labels o
   WHERE o.id = p_community_id AND o.id IN (SELECT d.id FROM gj_public_community_directory() d);
  IF region IS NULL THEN
    RAISE EXCEPTION 'no such community' USING ERRCODE = '23514', CONSTRAINT = 'resident_signup_community';
  END IF;
  -- One attempt at a time per client and per phone (always in this order), so two at once cannot both pass the counts.
  PERFORM pg_advisory_xact_lock(hashtext(p_client_hash));
  PERFORM pg_advisory_xact_lock(hashtext(p_phone_key));
  IF (SELECT count(*) FROM resident_signups WHERE client_hash = p_client_hash AND at > now() - interval '1 hour') >= p_per_client_hour
     OR (SELECT count(*) FROM resident_signups WHERE phone_key = p_phone_key AND at > now() - interval '1 day') >= p_per_phone_day THEN
    RAISE EXCEPTION 'too many registrations' USING ERRCODE = '23514', CONSTRAINT = 'resident_signup_rate';
  END IF;
  INSERT INTO resident_signups (region_id, client_hash, phone_key) VALUES (region, p_client_hash, p_phone_key);
  -- The audit log names who did it, though no one is signed in.
  PERFORM set_config('gj.user_name', '居民自助注册', true);
  account := gj_create_resident_account(p_community_id, p_phone, p_name, p_password_hash);
  IF account IS NULL THEN
    RETURN;
  END IF;
  PERFORM gj_add_resident_person(p_community_id, account, p_name, p_phone_enc, p_phone_mask);
END $$;
REVOKE ALL ON FUNCTION gj_register_resident(bigint, text, text, text, text, text, text, text, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_register_resident(bigint, text, text, text, text, text, text, text, int, int) TO gongjian_app;
