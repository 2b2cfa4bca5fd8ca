-- An application can end before admission: the applicant withdraws it, or the
-- branch ends it with a reason. The record stays, with the stage and days it
-- had reached, and nothing more can be done to it; the person may apply again
-- later (a new record), so only open records are one per person.
ALTER TABLE recruitments
  ADD COLUMN withdrawn_on date,
  ADD COLUMN withdrawn_by text CHECK (withdrawn_by IN ('applicant', 'branch')),
  ADD COLUMN withdrawal_reason text,
  ADD CONSTRAINT recruitments_withdrawal CHECK (
    (withdrawn_on IS NULL) = (withdrawn_by IS NULL)
    AND (withdrawal_reason IS NULL OR withdrawn_on IS NOT NULL)
    AND (withdrawn_by IS DISTINCT FROM 'branch' OR coalesce(btrim(withdrawal_reason), '') <> '')),
  -- After admission the person is a probationary member: ending that is a different procedure.
  ADD CONSTRAINT recruitments_withdrawn_stage CHECK (withdrawn_on IS NULL OR stage IN ('applicant', 'activist', 'candidate')),
  ADD CONSTRAINT recruitments_withdrawn_day CHECK (withdrawn_on >= greatest(applied_on, activist_on, candidate_on));
DROP INDEX recruitments_person_key;
CREATE UNIQUE INDEX recruitments_person_key ON recruitments (region_id, person_id) WHERE withdrawn_on IS NULL;
CREATE INDEX recruitments_person ON recruitments (person_id);

-- The applicant sees their own records (the "my application" page) and may
-- withdraw an open one, nothing else: the trigger below refuses any other
-- change they make.
CREATE POLICY gj_applicant_read ON recruitments FOR SELECT TO gongjian_app
  USING (person_id IN (SELECT id FROM people WHERE user_id = gj_user_id()));
CREATE POLICY gj_applicant_update ON recruitments FOR UPDATE TO gongjian_app
  USING (person_id IN (SELECT id FROM people WHERE user_id = gj_user_id()))
  WITH CHECK (person_id IN (SELECT id FROM people WHERE user_id = gj_user_id()));

CREATE FUNCTION gj_recruitment_withdrawal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE unchanged recruitments := OLD;
BEGIN
  IF OLD.withdrawn_on IS NOT NULL THEN
    RAISE EXCEPTION 'recruitment % has ended', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'recruitments_ended';
  END IF;
  IF EXISTS (SELECT 1 FROM people WHERE id = OLD.person_id AND user_id = gj_user_id()) THEN
    unchanged.withdrawn_on := NEW.withdrawn_on;
    unchanged.withdrawn_by := NEW.withdrawn_by;
    unchanged.withdrawal_reason := NEW.withdrawal_reason;
    IF NEW IS DISTINCT FROM unchanged OR NEW.withdrawn_by IS DISTINCT FROM 'applicant' THEN
      RAISE EXCEPTION 'an applicant may only withdraw' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_recruitment_withdrawal BEFORE UPDATE ON recruitments FOR EACH ROW EXECUTE FUNCTION gj_recruitment_withdrawal();
