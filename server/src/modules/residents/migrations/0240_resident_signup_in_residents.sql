-- Resident sign-up (居民注册) belongs to residents: its route and service
-- are here, but its database side was written in people's migrations (0017,
-- 0112), which cannot be edited. Redefined here unchanged, so that this
-- module's migrations are where it is read and changed from now on; the next
-- change to sign-up replaces these definitions in a migration of this folder.
-- The attempts it counts (resident_signups, created in 0017) belong here too
-- (owns.ts).

-- Communities by name, for the registration page (no one is signed in yet).
-- Names of party organizations are public; nothing else is shown.
CREATE OR REPLACE FUNCTION gj_public_community_directory() RETURNS TABLE (id bigint, name text, street text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, c.name, p.name
    FROM organizations c LEFT JOIN organizations p ON p.id = c.parent_id
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
  SELECT o.region_id INTO region FROM organizations o
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
  IF EXISTS (SELECT 1 FROM users WHERE username = p_phone) THEN
    RETURN;
  END IF;
  -- The audit log names who did it, though no one is signed in.
  PERFORM set_config('gj.user_name', '居民自助注册', true);
  INSERT INTO users (org_id, username, display_name, password_hash) VALUES (p_community_id, p_phone, p_name, p_password_hash)
    RETURNING id INTO account;
  INSERT INTO user_grants (user_id, role, org_id) VALUES (account, 'resident', p_community_id);
  INSERT INTO people (org_id, user_id, name, phone_enc, phone_mask, is_member) VALUES (p_community_id, account, p_name, p_phone_enc, p_phone_mask, false);
END $$;
REVOKE ALL ON FUNCTION gj_register_resident(bigint, text, text, text, text, text, text, text, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_register_resident(bigint, text, text, text, text, text, text, text, int, int) TO gongjian_app;
