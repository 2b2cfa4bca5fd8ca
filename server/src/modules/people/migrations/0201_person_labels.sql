-- What other modules may read of a person (DEVELOPERS.md, "Module
-- boundaries"): who they are in a list, never their personal data. The reader's
-- row-level security applies (security_invoker), as if it read people.
CREATE VIEW person_labels WITH (security_invoker = true) AS
  SELECT region_id, id, org_id, unit_id, user_id, name, is_member, category FROM people;
GRANT SELECT ON person_labels TO gongjian_app;

-- Moving a person's file into another organization, for the module that
-- decides it (a received transfer). Not granted to the application: only a
-- definer-rights function of another module calls it, after its own checks.
CREATE FUNCTION gj_move_person(p_person_id bigint, p_org_id bigint) RETURNS void
LANGUAGE sql SET search_path = public AS $$
  UPDATE people SET org_id = p_org_id, updated_at = now() WHERE id = p_person_id
$$;
REVOKE ALL ON FUNCTION gj_move_person(bigint, bigint) FROM PUBLIC;
