-- Commitments (承诺) and their cycle: promise → fulfil → report → question →
-- rate (承诺—践诺—述诺—问诺—评诺). A commitment is a member's (per year, made
-- at report-in) or a unit's co-building pledge (共建承诺书, with a term, signed
-- by both sides); either is a list of items. Fulfilment is not typed here: it
-- is found in the records other modules keep (activities, service logs, needs,
-- venue bookings, projects) or marked with evidence where none exists.
-- Every step is a state the triggers below hold, with who and when.

-- A report window (述诺): the community sets when its members and units report
-- and are questioned and rated.
CREATE TABLE commitment_windows (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL CHECK (btrim(title) <> ''),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  opened_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT commitment_windows_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT commitment_windows_span CHECK (closes_at > opens_at)
);
CREATE INDEX commitment_windows_id ON commitment_windows (id);
CREATE INDEX commitment_windows_org ON commitment_windows (org_id, opens_at);
SELECT gj_protect_table('commitment_windows', 'org_id');

CREATE TABLE commitments (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The community the commitment is made to.
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('member', 'unit')),
  person_id bigint,
  -- The member's own account: they see, edit and sign their commitment.
  member_user_id bigint,
  unit_id bigint,
  report_in_id bigint,
  party_name text NOT NULL CHECK (btrim(party_name) <> ''),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'party_signed', 'community_signed', 'in_force', 'ended')),
  -- The committed side's signature (the member, or the unit's liaison) and the community's.
  party_signer text,
  party_signed_by bigint,
  party_signed_at timestamptz,
  community_signer text,
  community_signed_by bigint,
  community_signed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT commitments_org_key UNIQUE (region_id, id, org_id),
  CONSTRAINT commitments_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT commitments_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT commitments_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT commitments_report_in_fkey FOREIGN KEY (region_id, report_in_id) REFERENCES report_ins (region_id, id),
  CONSTRAINT commitments_party CHECK (CASE kind WHEN 'member' THEN person_id IS NOT NULL AND unit_id IS NULL ELSE unit_id IS NOT NULL AND person_id IS NULL END),
  CONSTRAINT commitments_term CHECK (ends_on >= starts_on),
  -- A member's promise is theirs alone: it never waits for the community's signature.
  CONSTRAINT commitments_member_states CHECK (kind = 'unit' OR status IN ('draft', 'in_force', 'ended')),
  CONSTRAINT commitments_party_signature CHECK ((party_signed_at IS NULL) = (party_signer IS NULL)
    AND (status NOT IN ('party_signed', 'in_force', 'ended') OR party_signed_at IS NOT NULL)),
  CONSTRAINT commitments_community_signature CHECK ((community_signed_at IS NULL) = (community_signer IS NULL)
    AND (status <> 'community_signed' OR community_signed_at IS NOT NULL)
    AND (kind = 'member' OR status NOT IN ('in_force', 'ended') OR community_signed_at IS NOT NULL))
);
CREATE INDEX commitments_id ON commitments (id);
CREATE INDEX commitments_org ON commitments (org_id, kind, status);
CREATE INDEX commitments_member ON commitments (member_user_id) WHERE member_user_id IS NOT NULL;
CREATE INDEX commitments_unit ON commitments (unit_id) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX commitments_member_year_key ON commitments (region_id, org_id, person_id, starts_on) WHERE kind = 'member';
CREATE UNIQUE INDEX commitments_unit_term_key ON commitments (region_id, org_id, unit_id, starts_on) WHERE kind = 'unit';
SELECT gj_protect_table('commitments', 'org_id', unit_col => 'unit_id', owner_col => 'member_user_id', unit_writes => true, owner_writes => true);

CREATE FUNCTION gj_commitment_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status || '>' || NEW.status) = ANY (ARRAY[
      'draft>party_signed', 'draft>community_signed', 'draft>in_force',
      'party_signed>in_force', 'community_signed>in_force', 'in_force>ended']) THEN
    RAISE EXCEPTION 'commitment % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'commitments_transition';
  END IF;
  -- A signature, once given, stays as it was given.
  IF (OLD.party_signed_at IS NOT NULL AND (NEW.party_signed_at, NEW.party_signer) IS DISTINCT FROM (OLD.party_signed_at, OLD.party_signer))
     OR (OLD.community_signed_at IS NOT NULL AND (NEW.community_signed_at, NEW.community_signer) IS DISTINCT FROM (OLD.community_signed_at, OLD.community_signer)) THEN
    RAISE EXCEPTION 'commitment % is already signed', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'commitments_signed';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER gj_commitment_step BEFORE UPDATE ON commitments FOR EACH ROW EXECUTE FUNCTION gj_commitment_step();

-- The items: what, for whom, how often or by when, and what record fulfils it.
CREATE TABLE commitment_items (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  commitment_id bigint NOT NULL,
  position smallint NOT NULL DEFAULT 0,
  what text NOT NULL CHECK (btrim(what) <> ''),
  -- For whom: the community or a grid under it, a need, and words (孤寡老人).
  for_org_id bigint,
  beneficiary text,
  cadence text NOT NULL CHECK (cadence IN ('once', 'weekly', 'monthly', 'quarterly', 'yearly')),
  due_on date,
  target smallint NOT NULL DEFAULT 1 CHECK (target BETWEEN 1 AND 366),
  source text NOT NULL CHECK (source IN ('activities', 'service', 'needs', 'venue', 'project', 'evidence')),
  activity_kind text,
  need_id bigint,
  project_id bigint,
  resource_id bigint,
  -- Fulfilled by word where no record exists: what was done, by whom, when (no screenshots).
  evidence text,
  evidenced_by text,
  evidenced_at timestamptz,
  PRIMARY KEY (region_id, id),
  CONSTRAINT commitment_items_commitment_fkey FOREIGN KEY (region_id, commitment_id, org_id)
    REFERENCES commitments (region_id, id, org_id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT commitment_items_for_org_fkey FOREIGN KEY (region_id, for_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT commitment_items_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id),
  CONSTRAINT commitment_items_project_fkey FOREIGN KEY (region_id, project_id) REFERENCES projects (region_id, id),
  CONSTRAINT commitment_items_resource_fkey FOREIGN KEY (region_id, resource_id) REFERENCES resources (region_id, id),
  CONSTRAINT commitment_items_evidence CHECK ((evidence IS NULL) = (evidenced_at IS NULL) AND (evidence IS NULL) = (evidenced_by IS NULL)
    AND (evidence IS NULL OR btrim(evidence) <> ''))
);
CREATE INDEX commitment_items_id ON commitment_items (id);
CREATE INDEX commitment_items_commitment ON commitment_items (commitment_id, position);
SELECT gj_protect_table('commitment_items', 'org_id');
-- Whoever sees the commitment reads its items; its party writes them (the service decides when).
CREATE POLICY gj_commitment_read ON commitment_items FOR SELECT TO gongjian_app USING (commitment_id IN (SELECT id FROM commitments));
CREATE POLICY gj_party_write ON commitment_items FOR ALL TO gongjian_app
  USING (commitment_id IN (SELECT id FROM commitments WHERE unit_id = ANY (gj_unit_ids()) OR member_user_id = gj_user_id()))
  WITH CHECK (commitment_id IN (SELECT id FROM commitments WHERE unit_id = ANY (gj_unit_ids()) OR member_user_id = gj_user_id()));

-- The report (述诺): the records found, frozen when the party submits, and a short statement.
CREATE TABLE commitment_reports (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  window_id bigint NOT NULL,
  commitment_id bigint NOT NULL,
  -- The party, as the commitment names it: a report's readers need not read the commitment.
  kind text NOT NULL CHECK (kind IN ('member', 'unit')),
  party_name text NOT NULL,
  member_user_id bigint,
  unit_id bigint,
  statement text NOT NULL DEFAULT '',
  findings jsonb,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'published')),
  submitted_by text,
  submitted_at timestamptz,
  published_by text,
  published_at timestamptz,
  -- The tally, kept by the ratings' trigger: the result is derived from it, never typed.
  satisfied int NOT NULL DEFAULT 0,
  basically int NOT NULL DEFAULT 0,
  dissatisfied int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT commitment_reports_org_key UNIQUE (region_id, id, org_id),
  CONSTRAINT commitment_reports_commitment_fkey FOREIGN KEY (region_id, commitment_id, org_id)
    REFERENCES commitments (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT commitment_reports_window_fkey FOREIGN KEY (region_id, window_id) REFERENCES commitment_windows (region_id, id),
  CONSTRAINT commitment_reports_once UNIQUE (region_id, window_id, commitment_id),
  CONSTRAINT commitment_reports_submitted CHECK ((status = 'draft') = (submitted_at IS NULL) AND (submitted_at IS NULL) = (submitted_by IS NULL)
    AND (status = 'draft' OR (findings IS NOT NULL AND btrim(statement) <> ''))),
  CONSTRAINT commitment_reports_published CHECK ((status = 'published') = (published_at IS NOT NULL) AND (published_at IS NULL) = (published_by IS NULL))
);
CREATE INDEX commitment_reports_id ON commitment_reports (id);
CREATE INDEX commitment_reports_org ON commitment_reports (org_id, status);
CREATE INDEX commitment_reports_commitment ON commitment_reports (commitment_id);
SELECT gj_protect_table('commitment_reports', 'org_id', unit_col => 'unit_id', owner_col => 'member_user_id', unit_writes => true, owner_writes => true);

CREATE FUNCTION gj_commitment_report_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status || '>' || NEW.status) = ANY (ARRAY[
      'draft>submitted', 'submitted>draft', 'submitted>published']) THEN
    RAISE EXCEPTION 'report % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'commitment_reports_transition';
  END IF;
  IF OLD.status <> 'draft' AND NEW.status <> 'draft' AND (NEW.statement, NEW.findings) IS DISTINCT FROM (OLD.statement, OLD.findings) THEN
    RAISE EXCEPTION 'report % is submitted', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'commitment_reports_frozen';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_commitment_report_step BEFORE UPDATE ON commitment_reports FOR EACH ROW EXECUTE FUNCTION gj_commitment_report_step();

-- The communities whose published reports the caller may read, question and
-- rate: where they live or serve (a resident's, member's or liaison's
-- organization, or the community above it) and where they reported in.
CREATE FUNCTION gj_commitment_audience() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT c.id), '{}') || gj_reported_org_ids()
    FROM org_labels n JOIN org_labels c ON c.path @> n.path
   WHERE n.id = ANY (gj_node_ids()) AND c.kind IN ('community_committee', 'comprehensive_committee', 'residential_committee')
$$;
REVOKE ALL ON FUNCTION gj_commitment_audience() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_commitment_audience() TO gongjian_app;

-- Residents, peers and units of the community read what it published to them.
-- The scalar subquery makes the list an init plan, computed once per statement.
CREATE POLICY gj_audience_read ON commitment_reports FOR SELECT TO gongjian_app
  USING (status = 'published' AND org_id = ANY ((SELECT gj_commitment_audience())::bigint[]));
-- Whoever reads a report reads the window it belongs to.
CREATE POLICY gj_report_read ON commitment_windows FOR SELECT TO gongjian_app
  USING (id IN (SELECT window_id FROM commitment_reports));

-- Questions (问诺) and their answers.
CREATE TABLE commitment_questions (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  report_id bigint NOT NULL,
  asker_user_id bigint NOT NULL,
  asker_name text NOT NULL,
  asker_role text NOT NULL CHECK (asker_role IN ('community', 'peer', 'resident')),
  body text NOT NULL CHECK (btrim(body) <> ''),
  asked_at timestamptz NOT NULL DEFAULT now(),
  answer text,
  answered_by text,
  answered_at timestamptz,
  PRIMARY KEY (region_id, id),
  CONSTRAINT commitment_questions_report_fkey FOREIGN KEY (region_id, report_id, org_id)
    REFERENCES commitment_reports (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT commitment_questions_answer CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL)
    AND (answer IS NULL OR btrim(answer) <> ''))
);
CREATE INDEX commitment_questions_id ON commitment_questions (id);
CREATE INDEX commitment_questions_report ON commitment_questions (report_id, asked_at);
SELECT gj_protect_table('commitment_questions', 'org_id');
CREATE POLICY gj_report_read ON commitment_questions FOR SELECT TO gongjian_app USING (report_id IN (SELECT id FROM commitment_reports));
CREATE POLICY gj_ask ON commitment_questions FOR INSERT TO gongjian_app
  WITH CHECK (asker_user_id = gj_user_id() AND report_id IN (SELECT id FROM commitment_reports));
-- The committed party answers.
CREATE POLICY gj_answer ON commitment_questions FOR UPDATE TO gongjian_app
  USING (report_id IN (SELECT id FROM commitment_reports WHERE unit_id = ANY (gj_unit_ids()) OR member_user_id = gj_user_id()));

-- Ratings (评诺): one per rater per report.
CREATE TABLE commitment_ratings (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  report_id bigint NOT NULL,
  rater_user_id bigint NOT NULL,
  rater_name text NOT NULL,
  rater_role text NOT NULL CHECK (rater_role IN ('community', 'peer', 'resident')),
  grade text NOT NULL CHECK (grade IN ('satisfied', 'basically', 'dissatisfied')),
  rated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT commitment_ratings_report_fkey FOREIGN KEY (region_id, report_id, org_id)
    REFERENCES commitment_reports (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT commitment_ratings_once UNIQUE (region_id, report_id, rater_user_id)
);
CREATE INDEX commitment_ratings_id ON commitment_ratings (id);
CREATE INDEX commitment_ratings_report ON commitment_ratings (report_id);
-- Individual ratings: the community's staff and the rater; everyone else reads the tally on the report.
SELECT gj_protect_table('commitment_ratings', 'org_id', owner_col => 'rater_user_id');
CREATE POLICY gj_rate ON commitment_ratings FOR INSERT TO gongjian_app
  WITH CHECK (rater_user_id = gj_user_id() AND report_id IN (SELECT id FROM commitment_reports));

-- Questions and ratings reach only a published report, never one's own
-- (its member, or a liaison of its unit); a rating only while the window is
-- open. TG_ARGV[0] names the column of the person asking or rating.
CREATE FUNCTION gj_commitment_response() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE r commitment_reports; w commitment_windows;
BEGIN
  SELECT * INTO r FROM commitment_reports WHERE id = NEW.report_id FOR UPDATE;
  IF r.status <> 'published' THEN
    RAISE EXCEPTION 'report % is not published', r.id USING ERRCODE = '23514', CONSTRAINT = 'commitment_reports_not_published';
  END IF;
  IF r.member_user_id = (to_jsonb(NEW) ->> TG_ARGV[0])::bigint OR r.unit_id = ANY (gj_unit_ids()) THEN
    RAISE EXCEPTION 'report % is the caller''s own', r.id USING ERRCODE = '23514', CONSTRAINT = 'commitment_reports_own';
  END IF;
  IF TG_TABLE_NAME = 'commitment_ratings' THEN
    SELECT * INTO w FROM commitment_windows WHERE id = r.window_id;
    IF now() < w.opens_at OR now() >= w.closes_at THEN
      RAISE EXCEPTION 'the window of report % is closed', r.id USING ERRCODE = '23514', CONSTRAINT = 'commitment_ratings_window';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_commitment_question BEFORE INSERT ON commitment_questions FOR EACH ROW EXECUTE FUNCTION gj_commitment_response('asker_user_id');
CREATE TRIGGER gj_commitment_rating BEFORE INSERT ON commitment_ratings FOR EACH ROW EXECUTE FUNCTION gj_commitment_response('rater_user_id');

-- A rating is given once and kept (a retired organization's ratings still
-- follow their report); the tally counts them as they come.
CREATE FUNCTION gj_commitment_rating_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a rating is given once and kept' USING ERRCODE = '23514', CONSTRAINT = 'commitment_ratings_kept';
END $$;
CREATE TRIGGER gj_commitment_rating_kept BEFORE UPDATE ON commitment_ratings FOR EACH ROW
  WHEN ((OLD.grade, OLD.rater_user_id, OLD.report_id) IS DISTINCT FROM (NEW.grade, NEW.rater_user_id, NEW.report_id))
  EXECUTE FUNCTION gj_commitment_rating_kept();
CREATE TRIGGER gj_commitment_rating_gone BEFORE DELETE ON commitment_ratings FOR EACH ROW EXECUTE FUNCTION gj_commitment_rating_kept();

CREATE FUNCTION gj_commitment_tally() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE commitment_reports SET satisfied = satisfied + (NEW.grade = 'satisfied')::int, basically = basically + (NEW.grade = 'basically')::int,
         dissatisfied = dissatisfied + (NEW.grade = 'dissatisfied')::int
   WHERE id = NEW.report_id;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_commitment_tally AFTER INSERT ON commitment_ratings FOR EACH ROW EXECUTE FUNCTION gj_commitment_tally();
