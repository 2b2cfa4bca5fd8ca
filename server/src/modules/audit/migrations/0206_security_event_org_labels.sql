-- A security event finds its organization's region in the view orgs publishes
-- (org_labels), not its table (DEVELOPERS.md, "Module boundaries"); it keeps
-- the request id that 0163 added.

CREATE OR REPLACE FUNCTION gj_security_event(
  p_org bigint, p_kind text, p_user bigint, p_entity text DEFAULT NULL, p_entity_id bigint DEFAULT NULL, p_detail text DEFAULT NULL,
  p_actor bigint DEFAULT gj_user_id()
) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO security_events (region_id, org_id, kind, actor_user_id, actor_name, user_id, entity, entity_id, detail, request_id)
  SELECT o.region_id, o.id, p_kind, p_actor, nullif(current_setting('gj.user_name', true), ''), p_user, p_entity, p_entity_id, p_detail,
         nullif(current_setting('gj.request_id', true), '')
    FROM org_labels o WHERE o.id = p_org
$$;
