-- 账号激活: a member or resident already on file activates their own
-- account from a phone, so nobody registers a second person. The community
-- issues a one-time code from the file (kept as a keyed hash, masked in the
-- audit log like every *_hash column, void after seven days or five wrong
-- tries); the person types their identity number, the phone on file and the
-- code. The account signs in with that phone number and holds the role the
-- file calls for (a member's or a resident's, at the person's organization).
ALTER TABLE people
  ADD COLUMN activation_code_hash text,
  ADD COLUMN activation_expires_at timestamptz,
  ADD COLUMN activation_failures int NOT NULL DEFAULT 0;

-- Tries from each client (a hash of its address), for the rate limit; the
-- application role has no access at all. Not a domain row: no region.
CREATE TABLE account_activation_tries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_hash text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_activation_tries_client ON account_activation_tries (client_hash, at);
ALTER TABLE account_activation_tries ENABLE ROW LEVEL SECURITY;

-- The answer is a word, not an exception, so that a wrong code's count and
-- the client's try are kept (an exception would roll them back):
-- 'activated', 'rate' (too many tries from this client), 'phone_taken' (the
-- phone already signs in to an account), or 'refused' for every mismatch
-- alike (no such identity number, another phone, a wrong, used, expired or
-- exhausted code, a file that already has an account), so the answer never
-- tells whether an identity number is on file.
CREATE FUNCTION gj_activate_account(
  p_id_number_hash text, p_phone_mask text, p_code_hash text, p_phone text, p_password_hash text, p_client_hash text, p_per_hour int
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  p people%ROWTYPE;
  account bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('activate:' || p_client_hash));
  IF (SELECT count(*) FROM account_activation_tries WHERE client_hash = p_client_hash AND at > now() - interval '1 hour') >= p_per_hour THEN
    RETURN 'rate';
  END IF;
  -- Each client's tries older than the window are its own to clear, so the table stays small.
  DELETE FROM account_activation_tries WHERE client_hash = p_client_hash AND at < now() - interval '1 hour';
  INSERT INTO account_activation_tries (client_hash) VALUES (p_client_hash);
  SELECT * INTO p FROM people WHERE id_number_hash = p_id_number_hash AND left_region_on IS NULL FOR UPDATE;
  IF NOT FOUND OR p.user_id IS NOT NULL OR p.activation_code_hash IS NULL THEN
    RETURN 'refused';
  END IF;
  PERFORM set_config('gj.user_name', p.name || '（本人激活）', true);
  IF p.activation_expires_at < now() OR p.activation_failures >= 5 THEN
    RETURN 'refused';
  END IF;
  IF p.activation_code_hash <> p_code_hash OR p.phone_mask IS DISTINCT FROM p_phone_mask THEN
    UPDATE people SET activation_failures = activation_failures + 1 WHERE id = p.id;
    RETURN 'refused';
  END IF;
  account := gj_create_person_account(p.org_id, p_phone, p.name, p_password_hash, CASE WHEN p.is_member THEN 'member' ELSE 'resident' END);
  IF account IS NULL THEN
    RETURN 'phone_taken';
  END IF;
  UPDATE people SET user_id = account, activation_code_hash = NULL, activation_expires_at = NULL, activation_failures = 0, updated_at = now()
   WHERE id = p.id;
  RETURN 'activated';
END $$;
REVOKE ALL ON FUNCTION gj_activate_account(text, text, text, text, text, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_activate_account(text, text, text, text, text, text, int) TO gongjian_app;
