-- Needs list (需求清单): micro-wishes (微心愿), livelihood matters (民生实事)
-- and requests (诉求), from submission to the resident's rating, in the closed
-- loop of digital city management. The legal steps live here, in the
-- database (gj_need_step), so no route can skip one; every step is a row of
-- need_events, written by a trigger, so no step goes unrecorded.
CREATE TABLE needs (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The place: the community, or a grid branch / building group under it.
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('micro_wish', 'livelihood', 'request')),
  source text NOT NULL CHECK (source IN ('resident', 'visit', 'reception', 'joint_meeting', 'staff')),
  category text NOT NULL CHECK (category IN ('living', 'health', 'education', 'employment', 'legal', 'environment', 'facilities', 'safety', 'culture', 'other')),
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'critical')),
  title text NOT NULL CHECK (btrim(title) <> ''),
  -- What everyone who may see the need reads; the person's data is below.
  description text NOT NULL DEFAULT '',
  place_text text,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN (
    'submitted', 'accepted', 'rejected', 'claimed', 'dispatched', 'in_progress', 'overdue', 'done', 'returned', 'checked', 'closed', 'rated', 'cancelled')),
  -- Why the last step was taken (rejection reason, rework request…); the
  -- event trigger copies it into the step's row.
  status_note text,
  -- The person in need: name, and contact data encrypted with masked copies.
  requester_name text NOT NULL CHECK (btrim(requester_name) <> ''),
  requester_phone_enc text,
  requester_phone_mask text,
  requester_address_enc text,
  requester_address_mask text,
  -- The resident's own account when they submitted it themselves: they follow and rate it.
  requester_user_id bigint,
  -- Who handles it: a member who claimed a wish, or a unit (a claiming unit, a dispatched department).
  claimer_user_id bigint,
  claimer_name text,
  handler_unit_id bigint,
  deadline timestamptz,
  responded_at timestamptz,
  response_note text,
  escalated_org_id bigint,
  escalated_at timestamptz,
  result_note text,
  done_at timestamptz,
  resident_rating smallint CHECK (resident_rating BETWEEN 1 AND 5),
  resident_comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT needs_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT needs_unit_fkey FOREIGN KEY (region_id, handler_unit_id) REFERENCES units (region_id, id),
  CONSTRAINT needs_escalated_fkey FOREIGN KEY (region_id, escalated_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT needs_reject_reason CHECK (status <> 'rejected' OR status_note IS NOT NULL),
  CONSTRAINT needs_evidence CHECK (status NOT IN ('done', 'checked', 'closed', 'rated') OR btrim(coalesce(result_note, '')) <> ''),
  CONSTRAINT needs_rating CHECK ((status = 'rated') = (resident_rating IS NOT NULL)),
  CONSTRAINT needs_dispatch CHECK (status NOT IN ('dispatched', 'overdue') OR (handler_unit_id IS NOT NULL AND deadline IS NOT NULL)),
  CONSTRAINT needs_claim CHECK (status <> 'claimed' OR claimer_user_id IS NOT NULL OR handler_unit_id IS NOT NULL)
);
CREATE INDEX needs_id ON needs (id);
CREATE INDEX needs_org_status ON needs (org_id, status);
CREATE INDEX needs_handler_unit ON needs (handler_unit_id) WHERE handler_unit_id IS NOT NULL;
CREATE INDEX needs_claimer ON needs (claimer_user_id) WHERE claimer_user_id IS NOT NULL;
CREATE INDEX needs_requester ON needs (requester_user_id) WHERE requester_user_id IS NOT NULL;
-- The overdue scan reads only open dispatched matters, by deadline, and those already marked overdue.
CREATE INDEX needs_deadline ON needs (deadline) WHERE status IN ('dispatched', 'in_progress', 'returned');
CREATE INDEX needs_overdue ON needs (org_id) WHERE status = 'overdue';
SELECT gj_protect_table('needs', 'org_id', unit_col => 'handler_unit_id', owner_col => 'requester_user_id',
                        unit_writes => true, owner_writes => true, masked => '{requester_name}');
-- A member who claimed a wish sees and works on it while the claim stands
-- (the claim itself goes through gj_claim_wish, which checks the pool).
CREATE POLICY gj_claimer_read ON needs FOR SELECT TO gongjian_app USING (claimer_user_id = gj_user_id());
CREATE POLICY gj_claimer_update ON needs FOR UPDATE TO gongjian_app
  USING (claimer_user_id = gj_user_id()) WITH CHECK (claimer_user_id = gj_user_id());

-- Overdue, derived at read time as well: a sweep that has not run yet does
-- not make a late matter look on time.
CREATE FUNCTION gj_need_overdue(status text, deadline timestamptz) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT status = 'overdue' OR coalesce(deadline < now() AND status IN ('dispatched', 'in_progress', 'returned'), false) $$;

-- The closed loop. Terminal: rejected, cancelled, rated.
CREATE FUNCTION gj_need_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status || '>' || NEW.status) = ANY (ARRAY[
      'submitted>accepted', 'submitted>rejected', 'submitted>cancelled',
      'accepted>claimed', 'accepted>dispatched', 'accepted>in_progress', 'accepted>cancelled',
      'claimed>accepted', 'claimed>in_progress', 'claimed>done', 'claimed>cancelled',
      'dispatched>in_progress', 'dispatched>overdue', 'dispatched>accepted', 'dispatched>cancelled',
      'in_progress>done', 'in_progress>overdue', 'in_progress>accepted', 'in_progress>cancelled',
      'overdue>in_progress', 'overdue>done', 'overdue>dispatched', 'overdue>cancelled',
      'done>checked', 'done>returned',
      'returned>in_progress', 'returned>done', 'returned>overdue',
      'checked>closed', 'closed>rated']) THEN
    RAISE EXCEPTION 'need % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'needs_transition';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER gj_need_step BEFORE UPDATE ON needs FOR EACH ROW EXECUTE FUNCTION gj_need_step();

-- Every step, with who, when and why. Written only by the trigger below.
CREATE TABLE need_events (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  need_id bigint NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_user_id bigint,
  actor_name text NOT NULL,
  note text,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT need_events_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id)
);
CREATE INDEX need_events_id ON need_events (id);
CREATE INDEX need_events_need ON need_events (need_id, at);
SELECT gj_protect_table('need_events', 'org_id', read_only => true);
-- Whoever can see the need (the resident, the claimer, the department) sees its history.
CREATE POLICY gj_need_read ON need_events FOR SELECT TO gongjian_app USING (need_id IN (SELECT id FROM needs));

CREATE FUNCTION gj_need_event() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO need_events (region_id, org_id, need_id, from_status, to_status, actor_user_id, actor_name, note)
    VALUES (NEW.region_id, NEW.org_id, NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status, gj_user_id(),
            coalesce(nullif(current_setting('gj.user_name', true), ''), '系统'), NEW.status_note);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_need_event AFTER INSERT OR UPDATE ON needs FOR EACH ROW EXECUTE FUNCTION gj_need_event();

-- Claims of micro-wishes: one active claim per wish, decided by this index
-- when two people claim at the same instant.
CREATE TABLE need_claims (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  need_id bigint NOT NULL,
  claimer_user_id bigint,
  unit_id bigint,
  claimer_name text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'revoked', 'fulfilled')),
  claimed_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  end_note text,
  PRIMARY KEY (region_id, id),
  CONSTRAINT need_claims_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id),
  CONSTRAINT need_claims_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT need_claims_who CHECK (claimer_user_id IS NOT NULL OR unit_id IS NOT NULL)
);
CREATE INDEX need_claims_id ON need_claims (id);
CREATE INDEX need_claims_need ON need_claims (need_id);
CREATE UNIQUE INDEX need_claims_active_key ON need_claims (region_id, need_id) WHERE status = 'active';
SELECT gj_protect_table('need_claims', 'org_id', unit_col => 'unit_id', owner_col => 'claimer_user_id');

-- The wish pool: published (accepted) micro-wishes of the communities the
-- caller belongs to, anonymized. Members and unit liaisons cannot read the
-- needs table of their community, so the pool is read through this narrow
-- definer-rights view of it.
CREATE FUNCTION gj_claim_reach() RETURNS ltree[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(coalesce(
           (SELECT c.path FROM organizations c
             WHERE c.path @> a.path AND c.kind IN ('community_committee', 'comprehensive_committee', 'residential_committee', 'joint_committee')
             ORDER BY nlevel(c.path) DESC LIMIT 1),
           a.path)), '{}')
    FROM organizations a
   WHERE a.id = ANY (gj_node_ids()) OR a.path = ANY (gj_read_paths())
      OR a.id IN (SELECT u.org_id FROM units u WHERE u.id = ANY (gj_unit_ids()))
$$;

CREATE FUNCTION gj_wish_pool() RETURNS TABLE (
  id bigint, org_id bigint, org_name text, category text, urgency text, title text, description text, place_text text,
  requester text, created_at timestamptz
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT n.id, n.org_id, o.name, n.category, n.urgency, n.title, n.description, n.place_text,
         left(n.requester_name, 1) || '**', n.created_at
    FROM needs n JOIN organizations o ON o.id = n.org_id
   WHERE n.kind = 'micro_wish' AND n.status = 'accepted' AND o.path <@ ANY (gj_claim_reach())
$$;
REVOKE ALL ON FUNCTION gj_wish_pool() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_wish_pool() TO gongjian_app;

-- Claiming a wish from the pool: the claim row, then the wish's step. Two
-- claims at the same instant meet at need_claims_active_key; one wins.
CREATE FUNCTION gj_claim_wish(p_need bigint, p_unit bigint, p_name text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n needs; claim_id bigint;
BEGIN
  IF p_unit IS NOT NULL AND NOT p_unit = ANY (gj_unit_ids()) THEN
    RAISE EXCEPTION 'unit % is not the caller''s', p_unit USING ERRCODE = '42501';
  END IF;
  SELECT * INTO n FROM needs WHERE id = p_need AND id IN (SELECT id FROM gj_wish_pool());
  IF NOT FOUND THEN
    IF EXISTS (SELECT 1 FROM needs x JOIN organizations o ON o.id = x.org_id
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
REVOKE ALL ON FUNCTION gj_claim_wish(bigint, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_claim_wish(bigint, bigint, text) TO gongjian_app;

-- The wish goes back to the pool: withdrawn by its claimer, or revoked by the
-- staff of its community (p_revoke). Once the claimer lets go they no longer
-- see the wish, which their own rights could not write; hence definer rights.
CREATE FUNCTION gj_release_wish(p_need bigint, p_revoke boolean, p_note text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE c need_claims;
BEGIN
  SELECT cl.* INTO c FROM need_claims cl JOIN needs n ON n.id = cl.need_id
   WHERE cl.need_id = p_need AND cl.status = 'active' AND n.status IN ('claimed', 'in_progress')
     AND CASE WHEN p_revoke THEN n.org_id IN (SELECT id FROM organizations WHERE path <@ ANY (gj_read_paths()))
              ELSE cl.claimer_user_id = gj_user_id() OR cl.unit_id = ANY (gj_unit_ids()) END;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no claim of wish % that this caller may release', p_need USING ERRCODE = '42501';
  END IF;
  UPDATE need_claims SET status = CASE WHEN p_revoke THEN 'revoked' ELSE 'withdrawn' END, ended_at = now(), end_note = p_note WHERE id = c.id;
  UPDATE needs SET status = 'accepted', status_note = p_note, claimer_user_id = NULL, claimer_name = NULL, handler_unit_id = NULL
   WHERE id = p_need;
END $$;
REVOKE ALL ON FUNCTION gj_release_wish(bigint, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_release_wish(bigint, boolean, text) TO gongjian_app;

-- Dispatch (吹哨报到): a matter sent to a department or unit with a deadline.
-- The department sees its dispatches (and through handler_unit_id the matter
-- while it is theirs); the community rates the handling afterwards.
CREATE TABLE need_dispatches (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  need_id bigint NOT NULL,
  unit_id bigint NOT NULL,
  -- As it was called when dispatched: the community may not read a district department's row.
  unit_name text NOT NULL,
  deadline timestamptz NOT NULL,
  dispatched_by text NOT NULL,
  dispatched_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'recalled', 'reassigned', 'finished')),
  responded_at timestamptz,
  escalated_at timestamptz,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  rated_at timestamptz,
  rated_by text,
  PRIMARY KEY (region_id, id),
  CONSTRAINT need_dispatches_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id),
  CONSTRAINT need_dispatches_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT need_dispatches_rated CHECK ((rating IS NULL) = (rated_at IS NULL))
);
CREATE INDEX need_dispatches_id ON need_dispatches (id);
CREATE INDEX need_dispatches_need ON need_dispatches (need_id);
CREATE INDEX need_dispatches_unit_rated ON need_dispatches (unit_id, rated_at) WHERE rating IS NOT NULL;
CREATE UNIQUE INDEX need_dispatches_active_key ON need_dispatches (region_id, need_id) WHERE status = 'active';
SELECT gj_protect_table('need_dispatches', 'org_id', unit_col => 'unit_id', unit_writes => true);

-- Photos of the need and of its result, in the database (no file store to
-- back up separately), small and images only.
CREATE TABLE need_photos (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  need_id bigint NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('need', 'evidence')),
  mime text NOT NULL CONSTRAINT need_photos_mime CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  content bytea NOT NULL CONSTRAINT need_photos_size CHECK (octet_length(content) BETWEEN 1 AND 2097152),
  uploaded_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT need_photos_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id)
);
CREATE INDEX need_photos_id ON need_photos (id);
CREATE INDEX need_photos_need ON need_photos (need_id);
SELECT gj_protect_table('need_photos', 'org_id', owner_col => 'uploaded_by', owner_writes => true, masked => '{content}');
CREATE POLICY gj_need_read ON need_photos FOR SELECT TO gongjian_app USING (need_id IN (SELECT id FROM needs));

-- Whom a community may dispatch to: the units located in its subtree and in
-- the organizations above it (the street's and the district's departments,
-- the "条" that hold the levers), by name only.
CREATE FUNCTION gj_dispatch_targets() RETURNS TABLE (id bigint, name text, kind text, org_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.id, u.name, u.kind, o.name
    FROM units u JOIN organizations o ON o.id = u.org_id
   WHERE o.path <@ ANY (gj_read_paths()) OR gj_read_paths() <@ o.path
$$;
REVOKE ALL ON FUNCTION gj_dispatch_targets() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_dispatch_targets() TO gongjian_app;

-- Overdue sweep runs: one row per region per run. Several app servers share
-- the work through the advisory lock and this log (a run within the last
-- 50 seconds makes a timer's run unnecessary); no server's timer is the only one.
CREATE TABLE need_sweeps (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  by_user_id bigint,
  escalated integer NOT NULL,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX need_sweeps_at ON need_sweeps (at DESC);

-- Marks dispatched matters past their deadline overdue and escalates them to
-- their street, under one organization. Run by a user it must be one the user
-- sees; run by the server's timer (no user, no organization) it covers every
-- region, unless another server swept a moment ago or is sweeping now.
-- Returns the number escalated, or NULL when it left the run to another server.
CREATE FUNCTION gj_sweep_overdue_needs(p_org bigint DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE who bigint := gj_user_id(); root organizations; total integer := 0;
BEGIN
  IF p_org IS NOT NULL THEN
    SELECT * INTO root FROM organizations WHERE id = p_org AND (who IS NULL OR path <@ ANY (gj_read_paths()));
    IF NOT FOUND THEN RAISE EXCEPTION 'organization % is not in scope', p_org USING ERRCODE = '42501'; END IF;
  ELSIF who IS NOT NULL THEN
    RAISE EXCEPTION 'a user sweeps under an organization' USING ERRCODE = '42501';
  END IF;
  IF NOT pg_try_advisory_xact_lock(7420530) THEN RETURN NULL; END IF;
  IF p_org IS NULL AND EXISTS (SELECT 1 FROM need_sweeps WHERE at > now() - interval '50 seconds' AND by_user_id IS NULL) THEN
    RETURN NULL;
  END IF;
  WITH due AS (
    SELECT n.id FROM needs n JOIN organizations o ON o.id = n.org_id
     WHERE n.status IN ('dispatched', 'in_progress', 'returned') AND n.deadline < now()
       AND (p_org IS NULL OR o.path <@ root.path)
  ), marked AS (
    UPDATE needs n SET status = 'overdue', status_note = '超过办理时限，已上报街道', escalated_at = now(),
           escalated_org_id = (SELECT s.id FROM organizations s JOIN organizations o ON o.id = n.org_id
                                WHERE s.path @> o.path AND s.kind = 'street_committee' ORDER BY nlevel(s.path) DESC LIMIT 1)
      FROM due WHERE n.id = due.id RETURNING n.id, n.region_id
  ), dispatches AS (
    UPDATE need_dispatches d SET escalated_at = now() FROM marked WHERE d.need_id = marked.id AND d.status = 'active'
  ), counted AS (
    INSERT INTO need_sweeps (region_id, by_user_id, escalated)
    SELECT r.id, who, (SELECT count(*) FROM marked m WHERE m.region_id = r.id)
      FROM organizations r
     WHERE CASE WHEN p_org IS NULL THEN r.parent_id IS NULL ELSE r.id = root.region_id END
    RETURNING escalated
  )
  SELECT coalesce(sum(escalated), 0) INTO total FROM counted;
  RETURN total;
END $$;
REVOKE ALL ON FUNCTION gj_sweep_overdue_needs(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_sweep_overdue_needs(bigint) TO gongjian_app;
