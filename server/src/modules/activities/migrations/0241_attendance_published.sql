-- What points reads of activities' records, published by activities: points
-- became a module of its own (migration 0040 still holds its ledgers) and
-- reads no activities table directly. Both run with the caller's rights, so
-- row-level security limits them to what the caller sees, as a direct read did.

-- Confirmed service hours of some people between two days, with the
-- organization that recorded them.
CREATE FUNCTION gj_confirmed_service(person_ids bigint[], from_day date, to_day date)
RETURNS TABLE (person_id bigint, org_id bigint, hours numeric) LANGUAGE sql STABLE AS $$
  SELECT l.person_id, l.org_id, l.hours FROM service_logs l
   WHERE l.person_id = ANY (person_ids) AND l.served_on BETWEEN from_day AND to_day AND l.confirmed_at IS NOT NULL
$$;

-- The sign-ups of the activities that organizations hosted in a time span,
-- with the host, title and start: what attendance points are computed from.
CREATE FUNCTION gj_hosted_signups(org_ids bigint[], from_at timestamptz, to_at timestamptz)
RETURNS TABLE (id bigint, org_id bigint, person_id bigint, user_id bigint, unit_id bigint, status text, is_leader boolean,
               host bigint, title text, starts_at timestamptz) LANGUAGE sql STABLE AS $$
  SELECT s.id, s.org_id, s.person_id, s.user_id, s.unit_id, s.status, s.is_leader, a.org_id, a.title, a.starts_at
    FROM activity_signups s JOIN activities a ON a.id = s.activity_id
   WHERE a.org_id = ANY (org_ids) AND a.starts_at >= from_at AND a.starts_at < to_at
$$;
