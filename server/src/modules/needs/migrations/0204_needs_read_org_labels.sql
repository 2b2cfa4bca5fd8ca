-- The wish pool, claims, dispatch targets and the overdue sweep read the tree
-- through the views orgs publishes (org_labels, unit_labels), not its tables
-- (DEVELOPERS.md, "Module boundaries"). The same queries otherwise; these
-- functions keep their definer rights, under which the views read as the
-- tables did.

CREATE OR REPLACE FUNCTION gj_claim_reach() RETURNS ltree[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(coalesce(
           (SELECT c.path FROM org_labels c
             WHERE c.path @> a.path AND c.kind IN ('community_committee', 'comprehensive_committee', 'residential_committee', 'joint_committee')
             ORDER BY nlevel(c.path) DESC LIMIT 1),
           a.path)), '{}')
    FROM org_labels a
   WHERE a.id = ANY (gj_node_ids()) OR a.path = ANY (gj_read_paths())
      OR a.id IN (SELECT u.org_id FROM unit_labels u WHERE u.id = ANY (gj_unit_ids()))
$$;

CREATE OR REPLACE FUNCTION gj_wish_pool() RETURNS TABLE (
  id bigint, org_id bigint, org_name text, category text, urgency text, title text, description text, place_text text,
  requester text, created_at timestamptz
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT n.id, n.org_id, o.name, n.category, n.urgency, n.title, n.description, n.place_text,
         left(n.requester_name, 1) || '**', n.created_at
    FROM needs n JOIN org_labels o ON o.id = n.org_id
   WHERE n.kind = 'micro_wish' AND n.status = 'accepted' AND o.path <@ ANY (gj_claim_reach())
$$;

CREATE OR REPLACE FUNCTION gj_claim_wish(p_need bigint, p_unit bigint, p_name text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n needs; claim_id bigint;
BEGIN
  IF p_unit IS NOT NULL AND NOT p_unit = ANY (gj_unit_ids()) THEN
    RAISE EXCEPTION 'unit % is not the caller''s', p_unit USING ERRCODE = '42501';
  END IF;
  SELECT * INTO n FROM needs WHERE id = p_need AND id IN (SELECT id FROM gj_wish_pool());
  IF NOT FOUND THEN
    IF EXISTS (SELECT 1 FROM needs x JOIN org_labels o ON o.id = x.org_id
                WHERE x.id = p_need AND x.kind = 'micro_wish' AND o.path <@ ANY (gj_claim_reach())) THEN
      IF EXISTS (SELECT 1 FROM need_claims WHERE need_id = p_need AND status = 'active') THEN
        RAISE EXCEPTION 'wish % is claimed', p_need USING ERRCODE = '23505', CONSTRAINT = 'need_claims_active_key';
      END IF;
      RAISE EXCEPTION 'wish % is not open for claims', p_need USING ERRCODE = '23514', CONSTRAINT = 'needs_claimable';
    END IF;
    RAISE EXCEPTION 'wish % is not in the caller''s pool', p_need USING ERRCODE = '42501';
  END IF;
  INSERT INTO need_claims (region_id, org_id, need_id, claimer_user_id, unit_id, claimer_name)
  VALUES (n.region_id, n.org_id, n.id, CASE WHEN p_unit IS NULL THEN gj_user_id() END, p_unit, p_name)
  RETURNING id INTO claim_id;
  UPDATE needs SET status = 'claimed', status_note = p_name || ' 认领',
         claimer_user_id = CASE WHEN p_unit IS NULL THEN gj_user_id() END, claimer_name = p_name, handler_unit_id = p_unit
   WHERE id = p_need AND status = 'accepted';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'wish % was claimed meanwhile', p_need USING ERRCODE = '23505', CONSTRAINT = 'need_claims_active_key';
  END IF;
  RETURN claim_id;
END $$;

CREATE OR REPLACE FUNCTION gj_release_wish(p_need bigint, p_revoke boolean, p_note text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE c need_claims;
BEGIN
  SELECT cl.* INTO c FROM need_claims cl JOIN needs n ON n.id = cl.need_id
   WHERE cl.need_id = p_need AND cl.status = 'active' AND n.status IN ('claimed', 'in_progress')
     AND CASE WHEN p_revoke THEN n.org_id IN (SELECT id FROM org_labels WHERE path <@ ANY (gj_read_paths()))
              ELSE cl.claimer_user_id = gj_user_id() OR cl.unit_id = ANY (gj_unit_ids()) END;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no claim of wish % that this caller may release', p_need USING ERRCODE = '42501';
  END IF;
  UPDATE need_claims SET status = CASE WHEN p_revoke THEN 'revoked' ELSE 'withdrawn' END, ended_at = now(), end_note = p_note WHERE id = c.id;
  UPDATE needs SET status = 'accepted', status_note = p_note, claimer_user_id = NULL, claimer_name = NULL, handler_unit_id = NULL
   WHERE id = p_need;
END $$;

CREATE OR REPLACE FUNCTION gj_dispatch_targets() RETURNS TABLE (id bigint, name text, kind text, org_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.id, u.name, u.kind, o.name
    FROM unit_labels u JOIN org_labels o ON o.id = u.org_id
   WHERE o.path <@ ANY (gj_read_paths()) OR gj_read_paths() <@ o.path
$$;

CREATE OR REPLACE FUNCTION gj_sweep_overdue_needs(p_org bigint DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE who bigint := gj_user_id(); root org_labels; total integer := 0;
BEGIN
  IF p_org IS NOT NULL THEN
    SELECT * INTO root FROM org_labels WHERE id = p_org AND (who IS NULL OR path <@ ANY (gj_read_paths()));
    IF NOT FOUND THEN RAISE EXCEPTION 'organization % is not in scope', p_org USING ERRCODE = '42501'; END IF;
  ELSIF who IS NOT NULL THEN
    RAISE EXCEPTION 'a user sweeps under an organization' USING ERRCODE = '42501';
  END IF;
  IF NOT pg_try_advisory_xact_lock(7420530) THEN RETURN NULL; END IF;
  IF p_org IS NULL AND EXISTS (SELECT 1 FROM need_sweeps WHERE at > now() - interval '50 seconds' AND by_user_id IS NULL) THEN
    RETURN NULL;
  END IF;
  WITH due AS (
    SELECT n.id FROM needs n JOIN org_labels o ON o.id = n.org_id
     WHERE n.status IN ('dispatched', 'in_progress', 'returned') AND n.deadline < now()
       AND (p_org IS NULL OR o.path <@ root.path)
  ), marked AS (
    UPDATE needs n SET status = 'overdue', status_note = '超过办理时限，已上报街道', escalated_at = now(),
           escalated_org_id = (SELECT s.id FROM org_labels s JOIN org_labels o ON o.id = n.org_id
                                WHERE s.path @> o.path AND s.kind = 'street_committee' ORDER BY nlevel(s.path) DESC LIMIT 1)
      FROM due WHERE n.id = due.id RETURNING n.id, n.region_id
  ), dispatches AS (
    UPDATE need_dispatches d SET escalated_at = now() FROM marked WHERE d.need_id = marked.id AND d.status = 'active'
  ), counted AS (
    INSERT INTO need_sweeps (region_id, by_user_id, escalated)
    SELECT r.id, who, (SELECT count(*) FROM marked m WHERE m.region_id = r.id)
      FROM org_labels r
     WHERE CASE WHEN p_org IS NULL THEN r.parent_id IS NULL ELSE r.id = root.region_id END
    RETURNING escalated
  )
  SELECT coalesce(sum(escalated), 0) INTO total FROM counted;
  RETURN total;
END $$;
