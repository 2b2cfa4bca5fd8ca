-- Study delivered home (送学上门, modules/homestudy): a member who cannot come
-- is counted present at the month's study when it is brought to them. The
-- attendance is this module's row, so this module publishes the write; it is
-- granted to nobody and called only by homestudy's gj_deliver_study, after
-- its own checks. Points follow from the attendance as for any other
-- (gj_award_points).
ALTER TABLE activity_signups DROP CONSTRAINT activity_signups_check_in_method_check;
ALTER TABLE activity_signups ADD CONSTRAINT activity_signups_check_in_method_check CHECK (check_in_method IN ('qr', 'organizer', 'delivered'));

CREATE FUNCTION gj_attend_delivered(p_activity_id bigint, p_person_id bigint, p_at timestamptz) RETURNS void
LANGUAGE sql SET search_path = public AS $$
  INSERT INTO activity_signups (org_id, activity_id, person_id, user_id, unit_id, status, signed_up_at, checked_in_at, check_in_method)
  SELECT a.org_id, a.id, p.id, p.user_id, p.unit_id, 'attended', p_at, p_at, 'delivered'
    FROM activities a, person_labels p
   WHERE a.id = p_activity_id AND p.id = p_person_id
  ON CONFLICT (region_id, activity_id, person_id) DO UPDATE
     SET status = 'attended', checked_in_at = p_at, check_in_method = 'delivered'
   WHERE activity_signups.status <> 'attended'
$$;
REVOKE ALL ON FUNCTION gj_attend_delivered(bigint, bigint, timestamptz) FROM PUBLIC;
