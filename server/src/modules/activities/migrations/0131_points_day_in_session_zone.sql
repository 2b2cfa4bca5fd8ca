-- Attendance points are dated by the activity's day in the region, which is
-- the session's zone (kernel/db.ts sets it from GONGJIAN_TIME_ZONE on every
-- connection), no longer a zone written into the function.
CREATE OR REPLACE FUNCTION gj_award_points() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE a activities; r record; k text;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.is_leader = OLD.is_leader THEN RETURN NULL; END IF;
  SELECT * INTO a FROM activities WHERE id = NEW.activity_id;
  FOREACH k IN ARRAY ARRAY['attend', 'lead', 'absent'] LOOP
    CONTINUE WHEN (k = 'attend' AND NEW.status <> 'attended')
              OR (k = 'lead' AND NOT (NEW.status = 'attended' AND NEW.is_leader))
              OR (k = 'absent' AND NEW.status <> 'absent');
    SELECT * INTO r FROM gj_points_rule(a.org_id, k, a.starts_at::date);
    CONTINUE WHEN NOT FOUND OR r.points = 0;
    INSERT INTO points_entries (org_id, person_id, user_id, unit_id, earned_on, kind, points, rule_id, signup_id, reason, created_by)
    VALUES (NEW.org_id, NEW.person_id, NEW.user_id, NEW.unit_id, a.starts_at::date, k, r.points, r.id, NEW.id, r.name || '：' || a.title, gj_user_id())
    ON CONFLICT DO NOTHING;
  END LOOP;
  RETURN NULL;
END $$;
