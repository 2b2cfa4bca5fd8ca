-- What commitments reads of activities' records to find a member's
-- fulfilment (践诺), published by activities. Both run with the caller's
-- rights: row-level security limits them to what the caller sees.

-- The activities some people attended between two
-- days (the session's zone is the region's), with the kind that a commitment item may name.
CREATE FUNCTION gj_attended_activities(person_ids bigint[], from_day date, to_day date)
RETURNS TABLE (signup_id bigint, person_id bigint, activity_id bigint, org_id bigint, kind text, title text, starts_at timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT s.id, s.person_id, a.id, a.org_id, a.kind, a.title, a.starts_at
    FROM activity_signups s JOIN activities a ON a.id = s.activity_id
   WHERE s.person_id = ANY (person_ids) AND s.status = 'attended'
     AND a.starts_at >= from_day::timestamptz AND a.starts_at < (to_day + 1)::timestamptz
$$;

-- Confirmed service-log entries of some people between two days.
CREATE FUNCTION gj_service_entries(person_ids bigint[], from_day date, to_day date)
RETURNS TABLE (id bigint, person_id bigint, org_id bigint, served_on date, what text, hours numeric)
LANGUAGE sql STABLE AS $$
  SELECT l.id, l.person_id, l.org_id, l.served_on, l.what, l.hours FROM service_logs l
   WHERE l.person_id = ANY (person_ids) AND l.served_on BETWEEN from_day AND to_day AND l.confirmed_at IS NOT NULL
$$;
