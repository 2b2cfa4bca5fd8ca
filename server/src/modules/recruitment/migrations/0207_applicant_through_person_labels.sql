-- The applicant's own records are found through the view people publishes
-- (person_labels, read with the applicant's own row-level security as people
-- was), not people's table (DEVELOPERS.md, "Module boundaries").

DROP POLICY gj_applicant_read ON recruitments;
DROP POLICY gj_applicant_update ON recruitments;
CREATE POLICY gj_applicant_read ON recruitments FOR SELECT TO gongjian_app
  USING (person_id IN (SELECT id FROM person_labels WHERE user_id = gj_user_id()));
CREATE POLICY gj_applicant_update ON recruitments FOR UPDATE TO gongjian_app
  USING (person_id IN (SELECT id FROM person_labels WHERE user_id = gj_user_id()))
  WITH CHECK (person_id IN (SELECT id FROM person_labels WHERE user_id = gj_user_id()));

CREATE OR REPLACE FUNCTION gj_recruitment_withdrawal() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
DECLARE unchanged recruitments := OLD;
BEGIN
  IF OLD.withdrawn_on IS NOT NULL THEN
    RAISE EXCEPTION 'recruitment % has ended', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'recruitments_ended';
  END IF;
  IF EXISTS (SELECT 1 FROM person_labels WHERE id = OLD.person_id AND user_id = gj_user_id()) THEN
    unchanged.withdrawn_on := NEW.withdrawn_on;
    unchanged.withdrawn_by := NEW.withdrawn_by;
    unchanged.withdrawal_reason := NEW.withdrawal_reason;
    IF NEW IS DISTINCT FROM unchanged OR NEW.withdrawn_by IS DISTINCT FROM 'applicant' THEN
      RAISE EXCEPTION 'an applicant may only withdraw' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END $$;
