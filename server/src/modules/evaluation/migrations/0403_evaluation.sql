-- Evaluation (评议/考评). A branch opens a round of democratic evaluation of
-- its members (民主评议党员) for a year; each member's figures are derived
-- from records other modules keep (ratings of their commitment report, points
-- of the year, commitment items fulfilled, duty-post work) and a grade is
-- proposed from them by a documented rule (service.ts, proposeGrade). What is
-- kept here is only what people decide: the branch's confirmed grade, beside
-- the proposal and the figures as they stood, with who, when and why.
CREATE TABLE evaluation_rounds (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_by text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_by text,
  closed_at timestamptz,
  PRIMARY KEY (region_id, id),
  CONSTRAINT evaluation_rounds_org_key UNIQUE (region_id, id, org_id),
  CONSTRAINT evaluation_rounds_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  -- One round per branch and year.
  CONSTRAINT evaluation_rounds_once UNIQUE (region_id, org_id, year),
  CONSTRAINT evaluation_rounds_closed CHECK ((status = 'closed') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (closed_by IS NULL))
);
CREATE INDEX evaluation_rounds_id ON evaluation_rounds (id);
SELECT gj_protect_table('evaluation_rounds', 'org_id');

CREATE FUNCTION gj_evaluation_round_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status = 'open' AND NEW.status = 'closed') THEN
    RAISE EXCEPTION 'round % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = '23514', CONSTRAINT = 'evaluation_rounds_transition';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_evaluation_round_step BEFORE UPDATE ON evaluation_rounds FOR EACH ROW EXECUTE FUNCTION gj_evaluation_round_step();

-- A member's grade as the branch confirmed it. A grade other than the
-- proposal carries its reason. The member reads their own (member_user_id).
CREATE TABLE evaluation_grades (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  round_id bigint NOT NULL,
  year smallint NOT NULL,
  person_id bigint NOT NULL,
  member_user_id bigint,
  person_name text NOT NULL,
  figures jsonb NOT NULL,
  proposed text NOT NULL CHECK (proposed IN ('excellent', 'qualified', 'basically_qualified', 'unqualified')),
  grade text NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basically_qualified', 'unqualified')),
  reason text,
  confirmed_by text NOT NULL,
  confirmed_by_id bigint,
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT evaluation_grades_round_fkey FOREIGN KEY (region_id, round_id, org_id) REFERENCES evaluation_rounds (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT evaluation_grades_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT evaluation_grades_once UNIQUE (region_id, round_id, person_id),
  CONSTRAINT evaluation_grades_reason CHECK (grade = proposed OR btrim(coalesce(reason, '')) <> '')
);
CREATE INDEX evaluation_grades_id ON evaluation_grades (id);
CREATE INDEX evaluation_grades_member ON evaluation_grades (member_user_id) WHERE member_user_id IS NOT NULL;
SELECT gj_protect_table('evaluation_grades', 'org_id', owner_col => 'member_user_id');

-- A closed round's grades stand as confirmed. Only following their round to
-- another organization (a dissolve or merge cascades org_id) still moves them.
CREATE FUNCTION gj_evaluation_grade_open() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'org_id' = to_jsonb(OLD) - 'org_id' THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM evaluation_rounds r WHERE r.id = NEW.round_id AND r.status = 'closed') THEN
    RAISE EXCEPTION 'round % is closed', NEW.round_id USING ERRCODE = '23514', CONSTRAINT = 'evaluation_grades_round_closed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_evaluation_grade_open BEFORE INSERT OR UPDATE ON evaluation_grades FOR EACH ROW EXECUTE FUNCTION gj_evaluation_grade_open();

-- 双述双评: the community's report back to a unit (and through its liaison
-- the unit's organization) on the year: the figures as they stood and words.
CREATE TABLE evaluation_unit_reports (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  unit_id bigint NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  unit_name text NOT NULL,
  figures jsonb NOT NULL,
  body text NOT NULL CHECK (btrim(body) <> ''),
  sent_by text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT evaluation_unit_reports_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT evaluation_unit_reports_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT evaluation_unit_reports_once UNIQUE (region_id, org_id, unit_id, year)
);
CREATE INDEX evaluation_unit_reports_id ON evaluation_unit_reports (id);
CREATE INDEX evaluation_unit_reports_unit ON evaluation_unit_reports (unit_id);
SELECT gj_protect_table('evaluation_unit_reports', 'org_id', unit_col => 'unit_id');
