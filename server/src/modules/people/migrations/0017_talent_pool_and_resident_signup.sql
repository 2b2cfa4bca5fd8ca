-- Talent pool (能人库): when a member or resident can be called on, beside
-- their skills, so a community can find "an electrician free at weekends".
ALTER TABLE people
  ADD COLUMN availability text[] NOT NULL DEFAULT '{}',
  ADD CONSTRAINT people_availability CHECK (availability <@ ARRAY['weekday', 'evening', 'weekend']::text[]);
CREATE INDEX people_availability ON people USING gin (availability) WHERE availability <> '{}';

-- Search as people type a name: pinyin initials (zzq) or full pinyin
-- (zhouzhiqiang) from the start, set by the service beside the name.
ALTER TABLE people
  ADD COLUMN name_initials text NOT NULL DEFAULT '',
  ADD COLUMN name_pinyin text NOT NULL DEFAULT '';
CREATE INDEX people_name_initials ON people (name_initials text_pattern_ops);
CREATE INDEX people_name_pinyin ON people (name_pinyin text_pattern_ops);

-- Residents register themselves from a phone, before they have an account:
-- there is no scope to write in, so the one narrow step runs with the
-- definer's rights. It creates a non-member person with minimal data (name,
-- phone) in the chosen community, a `resident` account whose username is the
-- phone number, and links the two. Abuse is held off here, not in the app
-- server (which may be several): one account per phone, and at most a few
-- registrations per client per hour.

-- Communities by name, for the registration page (no one is signed in yet).
-- Names of party organizations are public; nothing else is shown.
CREATE FUNCTION gj_public_community_directory() RETURNS TABLE (id bigint, name text, street text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, c.name, p.name
    FROM organizations c LEFT JOIN organizations p ON p.id = c.parent_id
   WHERE c.status = 'active' AND c.kind IN ('community_committee', 'comprehensive_committee', 'residential_committee')
$$;
REVOKE ALL ON FUNCTION gj_public_community_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_public_community_directory() TO gongjian_app;

-- Who registered from where and when (a hash of the client address), for the
-- rate limit. The application role has no access at all.
CREATE TABLE resident_signups (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  client_hash text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX resident_signups_client ON resident_signups (client_hash, at);
ALTER TABLE resident_signups ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION gj_register_resident(
  p_community_id bigint, p_name text, p_phone text, p_phone_enc text, p_phone_mask text, p_password_hash text, p_client_hash text, p_per_hour int
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  region bigint;
  person bigint;
  account bigint;
BEGIN
  SELECT o.region_id INTO region FROM organizations o
   WHERE o.id = p_community_id AND o.id IN (SELECT d.id FROM gj_public_community_directory() d);
  IF region IS NULL THEN
    RAISE EXCEPTION 'no such community' USING ERRCODE = '23514', CONSTRAINT = 'resident_signup_community';
  END IF;
  -- One registration at a time per client, so two at once cannot both pass the count.
  PERFORM pg_advisory_xact_lock(hashtext(p_client_hash));
  IF (SELECT count(*) FROM resident_signups WHERE client_hash = p_client_hash AND at > now() - interval '1 hour') >= p_per_hour THEN
    RAISE EXCEPTION 'too many registrations' USING ERRCODE = '23514', CONSTRAINT = 'resident_signup_rate';
  END IF;
  IF EXISTS (SELECT 1 FROM users WHERE username = p_phone) THEN
    RAISE EXCEPTION 'phone already registered' USING ERRCODE = '23505', CONSTRAINT = 'resident_signup_phone';
  END IF;
  -- The audit log names who did it, though no one is signed in.
  PERFORM set_config('gj.user_name', '居民自助注册', true);
  INSERT INTO resident_signups (region_id, client_hash) VALUES (region, p_client_hash);
  INSERT INTO users (org_id, username, display_name, password_hash) VALUES (p_community_id, p_phone, p_name, p_password_hash)
    RETURNING id INTO account;
  INSERT INTO user_grants (user_id, role, org_id) VALUES (account, 'resident', p_community_id);
  INSERT INTO people (org_id, user_id, name, phone_enc, phone_mask, is_member) VALUES (p_community_id, account, p_name, p_phone_enc, p_phone_mask, false)
    RETURNING id INTO person;
  RETURN person;
END $$;
REVOKE ALL ON FUNCTION gj_register_resident(bigint, text, text, text, text, text, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_register_resident(bigint, text, text, text, text, text, text, int) TO gongjian_app;
