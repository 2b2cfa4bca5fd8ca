-- Security events (安全日志): sign-ins, failures, throttling, reveals of
-- personal data and account actions, one row each, read by the admins of the
-- account's (or the record's) organization. The audit log says how rows
-- changed; this says who got in, who was kept out, and who saw what.
-- Like the audit log it is written only by the server's sign-in (system
-- connection) and by the definer-rights triggers below: the application role
-- reads it through its policy and can neither forge nor erase an entry.
CREATE TABLE security_events (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN (
    'sign_in', 'sign_in_failed', 'sign_in_throttled',
    'account_created', 'account_disabled', 'account_enabled', 'account_unlocked',
    'password_changed', 'password_reset', 'grant_added', 'grant_removed', 'reveal')),
  actor_user_id bigint,
  actor_name text,
  -- The account concerned (sign-ins, account actions).
  user_id bigint,
  -- What was revealed (people, needs, resources) and which field.
  entity text,
  entity_id bigint,
  detail text,
  -- The client address with its last part hidden (203.0.113.*), and the
  -- request id the server log carries for the same request.
  client text,
  request_id text,
  PRIMARY KEY (region_id, id),
  CONSTRAINT security_events_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id)
);
CREATE INDEX security_events_id ON security_events (id);
CREATE INDEX security_events_org_at ON security_events (org_id, at DESC);
CREATE INDEX security_events_user ON security_events (user_id, at DESC);
SELECT gj_protect_table('security_events', 'org_id', paths_fn => 'gj_admin_paths', read_only => true);

CREATE FUNCTION gj_security_event(
  p_org bigint, p_kind text, p_user bigint, p_entity text DEFAULT NULL, p_entity_id bigint DEFAULT NULL, p_detail text DEFAULT NULL,
  p_actor bigint DEFAULT gj_user_id()
) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO security_events (region_id, org_id, kind, actor_user_id, actor_name, user_id, entity, entity_id, detail)
  SELECT o.region_id, o.id, p_kind, p_actor, nullif(current_setting('gj.user_name', true), ''), p_user, p_entity, p_entity_id, p_detail
    FROM organizations o WHERE o.id = p_org
$$;
REVOKE ALL ON FUNCTION gj_security_event(bigint, text, bigint, text, bigint, text, bigint) FROM PUBLIC;

-- Account actions, from the rows themselves, so that every path that changes
-- an account (the admin's routes, one's own password, resident sign-up) is
-- recorded without each remembering to. Sign-in's own counters (failures,
-- throttling) change on the system connection, where no user is set; an
-- admin clearing them is an unlock.
CREATE FUNCTION gj_security_account() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM gj_security_event(NEW.org_id, 'account_created', NEW.id);
    RETURN NULL;
  END IF;
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
    PERFORM gj_security_event(NEW.org_id, CASE WHEN gj_user_id() = NEW.id THEN 'password_changed' ELSE 'password_reset' END, NEW.id);
  ELSIF gj_user_id() IS NOT NULL AND (OLD.failed_logins > 0 OR OLD.locked_until IS NOT NULL)
        AND NEW.failed_logins = 0 AND NEW.locked_until IS NULL THEN
    PERFORM gj_security_event(NEW.org_id, 'account_unlocked', NEW.id);
  END IF;
  IF NEW.disabled IS DISTINCT FROM OLD.disabled THEN
    PERFORM gj_security_event(NEW.org_id, CASE WHEN NEW.disabled THEN 'account_disabled' ELSE 'account_enabled' END, NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_security_account AFTER INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION gj_security_account();

CREATE FUNCTION gj_security_grant() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM gj_security_event(NEW.org_id, 'grant_added', NEW.user_id, p_detail => NEW.role);
  ELSE
    PERFORM gj_security_event(OLD.org_id, 'grant_removed', OLD.user_id, p_detail => OLD.role);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_security_grant AFTER INSERT OR DELETE ON user_grants FOR EACH ROW EXECUTE FUNCTION gj_security_grant();

-- Each module already keeps a row per reveal (who saw whose phone); the
-- security log gathers them. TG_ARGV: the entity, the column naming the
-- record, and the column naming the field (or the field itself).
CREATE FUNCTION gj_security_reveal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE r jsonb := to_jsonb(NEW);
BEGIN
  PERFORM gj_security_event((r ->> 'org_id')::bigint, 'reveal', NULL, TG_ARGV[0], (r ->> TG_ARGV[1])::bigint,
                            coalesce(r ->> TG_ARGV[2], TG_ARGV[2]), (r ->> 'user_id')::bigint);
  RETURN NULL;
END $$;
CREATE TRIGGER gj_security_reveal AFTER INSERT ON person_reveals FOR EACH ROW EXECUTE FUNCTION gj_security_reveal('people', 'person_id', 'field');
CREATE TRIGGER gj_security_reveal AFTER INSERT ON need_reveals FOR EACH ROW EXECUTE FUNCTION gj_security_reveal('needs', 'need_id', 'field');
CREATE TRIGGER gj_security_reveal AFTER INSERT ON resource_reveals FOR EACH ROW EXECUTE FUNCTION gj_security_reveal('resources', 'resource_id', 'contact');
