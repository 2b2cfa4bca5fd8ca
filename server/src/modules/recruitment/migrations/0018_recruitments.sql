-- Recruitment pipeline (发展党员): applicant → activist → candidate →
-- probationary → full member, one row per person. Each stage keeps the day it
-- was reached; the constraints below keep the stages in order, the days in
-- order and the rules of the statute that a form alone could not hold:
-- two sponsors (入党介绍人) before admission, a public notice (公示) that has
-- ended before admission and before full membership, a year of training as an
-- activist and a year of probation.
CREATE TABLE recruitments (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The branch that recruits (and later holds the member).
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  stage text NOT NULL DEFAULT 'applicant' CHECK (stage IN ('applicant', 'activist', 'candidate', 'probationary', 'full')),
  applied_on date NOT NULL,
  activist_on date,
  candidate_on date,
  probationary_on date,
  full_on date,
  sponsor1_id bigint,
  sponsor2_id bigint,
  -- The notice for the next step (admission or full membership); cleared when the step is taken.
  notice_starts_on date,
  notice_ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT recruitments_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT recruitments_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT recruitments_sponsor1_fkey FOREIGN KEY (region_id, sponsor1_id) REFERENCES people (region_id, id),
  CONSTRAINT recruitments_sponsor2_fkey FOREIGN KEY (region_id, sponsor2_id) REFERENCES people (region_id, id),
  -- A stage is reached exactly when its day is set, and only after the one before.
  CONSTRAINT recruitments_stage_days CHECK (
    (activist_on IS NOT NULL) = (stage IN ('activist', 'candidate', 'probationary', 'full'))
    AND (candidate_on IS NOT NULL) = (stage IN ('candidate', 'probationary', 'full'))
    AND (probationary_on IS NOT NULL) = (stage IN ('probationary', 'full'))
    AND (full_on IS NOT NULL) = (stage = 'full')),
  CONSTRAINT recruitments_day_order CHECK (
    activist_on >= applied_on AND candidate_on >= activist_on + interval '1 year'
    AND probationary_on >= candidate_on AND full_on >= probationary_on + interval '1 year'),
  CONSTRAINT recruitments_sponsors CHECK (
    (stage NOT IN ('probationary', 'full') OR (sponsor1_id IS NOT NULL AND sponsor2_id IS NOT NULL))
    AND sponsor1_id IS DISTINCT FROM person_id AND sponsor2_id IS DISTINCT FROM person_id
    AND (sponsor1_id IS NULL OR sponsor1_id <> sponsor2_id)),
  CONSTRAINT recruitments_notice CHECK (
    (notice_starts_on IS NULL) = (notice_ends_on IS NULL) AND notice_ends_on >= notice_starts_on + 4
    AND (notice_starts_on IS NULL OR stage IN ('candidate', 'probationary')))
);
CREATE INDEX recruitments_id ON recruitments (id);
CREATE INDEX recruitments_org ON recruitments (org_id, stage);
CREATE UNIQUE INDEX recruitments_person_key ON recruitments (region_id, person_id);

-- Stages are taken one at a time, forward; admission and full membership only
-- after the notice for them has ended.
CREATE FUNCTION gj_recruitment_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE stages text[] := ARRAY['applicant', 'activist', 'candidate', 'probationary', 'full'];
BEGIN
  IF NEW.stage IS DISTINCT FROM OLD.stage AND array_position(stages, NEW.stage) <> array_position(stages, OLD.stage) + 1 THEN
    RAISE EXCEPTION 'stages are taken one at a time' USING ERRCODE = '23514', CONSTRAINT = 'recruitments_next_stage';
  END IF;
  IF NEW.stage IS DISTINCT FROM OLD.stage AND NEW.stage IN ('probationary', 'full')
     AND (OLD.notice_ends_on IS NULL OR OLD.notice_ends_on >= coalesce(NEW.full_on, NEW.probationary_on)) THEN
    RAISE EXCEPTION 'the public notice has not ended' USING ERRCODE = '23514', CONSTRAINT = 'recruitments_notice_ended';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_recruitment_step BEFORE UPDATE ON recruitments FOR EACH ROW EXECUTE FUNCTION gj_recruitment_step();

SELECT gj_protect_table('recruitments', 'org_id');
