-- A reported member's view of a community's activities is now a per-row test
-- on the activity (its audience and its organization), with the
-- organizations read through the report-ins module's function: this module
-- no longer reads report_ins, and no longer reads activities by definer's rights.
DROP POLICY gj_reported ON activities;
DROP FUNCTION gj_reported_activity_ids();
CREATE POLICY gj_reported ON activities FOR SELECT TO gongjian_app
  USING ('reported_members' = ANY (audience) AND org_id = ANY (gj_reported_org_ids()));
