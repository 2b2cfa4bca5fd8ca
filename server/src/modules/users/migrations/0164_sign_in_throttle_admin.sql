-- An admin sees and clears sign-in waits (issue 12): an account's wait is on
-- its row (the account list's "locked", cleared by unlocking); the waits of a
-- client address or of a name that is no account are here, and belong to no
-- organization. They guard the one sign-in door all regions share, so the
-- admins of a region's root (district admins) see and clear them, through
-- the two functions below: the application role still cannot touch the table.
--
-- What the admin reads: the address's network (203.0.113.*), as the security
-- log shows it, or the name attempted; the key stays a hash. The id names a
-- row without telling its key (a hash of an IPv4 address is easily reversed).
ALTER TABLE sign_in_throttles ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE sign_in_throttles ADD CONSTRAINT sign_in_throttles_id_key UNIQUE (id);
ALTER TABLE sign_in_throttles ADD COLUMN label text;

CREATE FUNCTION gj_region_admin() RETURNS boolean LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM unnest(gj_admin_paths()) p WHERE nlevel(p) = 1)
$$;

-- The waits in force now; none for an admin below a region's root.
CREATE FUNCTION gj_sign_in_throttles() RETURNS TABLE (id bigint, kind text, label text, failures integer, until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.id, split_part(t.key, ':', 1), t.label, t.failures, t.blocked_until
    FROM sign_in_throttles t
   WHERE t.blocked_until > now() AND gj_region_admin()
   ORDER BY t.blocked_until DESC, t.id
$$;
REVOKE ALL ON FUNCTION gj_sign_in_throttles() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_sign_in_throttles() TO gongjian_app;

-- Clears one wait and records it in the security log of the caller's
-- region(s); returns what was cleared, or nothing if there was no such wait.
CREATE FUNCTION gj_clear_sign_in_throttle(p_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE cleared sign_in_throttles;
BEGIN
  IF NOT gj_region_admin() THEN
    RAISE EXCEPTION 'only the admins of a region may clear sign-in waits' USING ERRCODE = '42501';
  END IF;
  UPDATE sign_in_throttles SET failures = 0, blocked_until = NULL
   WHERE id = p_id AND blocked_until > now() RETURNING * INTO cleared;
  IF cleared.id IS NULL THEN RETURN NULL; END IF;
  PERFORM gj_security_event(o.id, 'throttle_cleared', NULL, p_detail => concat_ws(' ', split_part(cleared.key, ':', 1), cleared.label))
     FROM org_labels o WHERE o.parent_id IS NULL AND o.path <@ ANY (gj_admin_paths());
  RETURN cleared.label;
END $$;
REVOKE ALL ON FUNCTION gj_clear_sign_in_throttle(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_clear_sign_in_throttle(bigint) TO gongjian_app;
