-- Two gaps of the security log (issue 12).
--
-- 1. A failed sign-in with a name that is no account was only in the server
-- log, so an admin could not see a spray of guessed names. It is recorded now
-- at every region's root (a name that is no account belongs to no region),
-- with the name attempted — never the password — for the district admins.
-- Clearing an address's or an unknown name's sign-in wait is recorded too.
ALTER TABLE security_events DROP CONSTRAINT security_events_kind_check;
ALTER TABLE security_events ADD CONSTRAINT security_events_kind_check CHECK (kind IN (
  'sign_in', 'sign_in_failed', 'sign_in_unknown', 'sign_in_throttled', 'throttle_cleared',
  'account_created', 'account_disabled', 'account_enabled', 'account_unlocked',
  'password_changed', 'password_reset', 'grant_added', 'grant_removed', 'reveal'));
-- The user name attempted, where it names no account (user_id is then empty).
ALTER TABLE security_events ADD COLUMN attempted_name text;

-- 2. Events written by triggers (account actions, reveals) carried no request
-- id, so an admin could not find the request in the server log. The request
-- sets gj.request_id beside its scope (kernel/db.ts applyScope).
CREATE OR REPLACE FUNCTION gj_security_event(
  p_org bigint, p_kind text, p_user bigint, p_entity text DEFAULT NULL, p_entity_id bigint DEFAULT NULL, p_detail text DEFAULT NULL,
  p_actor bigint DEFAULT gj_user_id()
) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO security_events (region_id, org_id, kind, actor_user_id, actor_name, user_id, entity, entity_id, detail, request_id)
  SELECT o.region_id, o.id, p_kind, p_actor, nullif(current_setting('gj.user_name', true), ''), p_user, p_entity, p_entity_id, p_detail,
         nullif(current_setting('gj.request_id', true), '')
    FROM organizations o WHERE o.id = p_org
$$;
