-- Activities' reach, organization names, the certificate check, the calendar
-- feed and the occurrence generator read the tree and people through the views
-- their owners publish (org_labels, person_labels), not their tables
-- (DEVELOPERS.md, "Module boundaries"). The same queries otherwise; these
-- functions keep their definer rights, under which the views read as the
-- tables did.

CREATE OR REPLACE FUNCTION gj_reach_ids() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT a.id), '{}')
    FROM org_labels n JOIN org_labels a ON a.path @> n.path
   WHERE n.id = ANY (gj_node_ids()) OR n.path = ANY (gj_read_paths())
$$;

CREATE OR REPLACE FUNCTION gj_org_name(org bigint) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT name FROM org_labels WHERE id = org
$$;

CREATE OR REPLACE FUNCTION gj_verify_certificate(cert_code text)
RETURNS TABLE (person_name text, org_name text, year int, hours numeric, points numeric, activities int, issued_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.name, o.name, c.year, c.hours, c.points, c.activities, c.issued_on
    FROM service_certificates c JOIN person_labels p ON p.id = c.person_id JOIN org_labels o ON o.id = c.org_id
   WHERE c.code = cert_code
$$;

CREATE OR REPLACE FUNCTION gj_calendar_feed(hash text)
RETURNS TABLE (id bigint, title text, place text, starts_at timestamptz, ends_at timestamptz, status text, org_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id, a.title, a.place, a.starts_at, a.ends_at, CASE WHEN a.status = 'cancelled' THEN 'cancelled' ELSE s.status END, o.name
    FROM calendar_feeds f
    LEFT JOIN (activity_signups s JOIN activities a ON a.id = s.activity_id JOIN org_labels o ON o.id = a.org_id)
      ON s.user_id = f.user_id AND s.status IN ('signed_up', 'waitlisted', 'attended')
   WHERE f.token_hash = hash
   ORDER BY a.starts_at
$$;

CREATE OR REPLACE FUNCTION gj_generate_occurrences(p_series bigint DEFAULT NULL, horizon_months int DEFAULT 12) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE who bigint := gj_user_id(); made integer; until date := (current_date + make_interval(months => horizon_months))::date;
BEGIN
  IF p_series IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM activity_series s JOIN org_labels o ON o.id = s.org_id
                    WHERE s.id = p_series AND (who IS NULL OR o.path <@ ANY (gj_read_paths()))) THEN
      RAISE EXCEPTION 'series % is not in scope', p_series USING ERRCODE = '42501';
    END IF;
  ELSE
    IF who IS NOT NULL THEN RAISE EXCEPTION 'a user generates one series' USING ERRCODE = '42501'; END IF;
    IF NOT pg_try_advisory_xact_lock(7420600) THEN RETURN NULL; END IF;
    IF EXISTS (SELECT 1 FROM activity_generator_runs WHERE at > now() - interval '50 seconds' AND series_id IS NULL) THEN RETURN NULL; END IF;
  END IF;
  WITH made AS (
    INSERT INTO activities (org_id, kind, title, organizer_kind, team_id, place, venue_id, booking_id, starts_at, ends_at, capacity, audience, services,
                            series_id, occurrence_on)
    SELECT s.org_id, s.kind, s.title, CASE WHEN s.team_id IS NULL THEN 'community' ELSE 'team' END, s.team_id, s.place, s.venue_id, b.booking_id,
           (d + s.start_time)::timestamptz, (d + s.start_time)::timestamptz + make_interval(mins => s.minutes),
           s.capacity, s.audience, s.services, s.id, d
      FROM activity_series s
      CROSS JOIN LATERAL gj_series_days(s, until) d
      LEFT JOIN activity_series_bookings b ON b.series_id = s.id AND b.occurrence_on = d
     WHERE p_series IS NULL OR s.id = p_series
    ON CONFLICT ON CONSTRAINT activities_occurrence_key DO NOTHING
    RETURNING region_id
  ), counted AS (
    INSERT INTO activity_generator_runs (region_id, by_user_id, series_id, created)
    SELECT r.id, who, p_series, (SELECT count(*) FROM made m WHERE m.region_id = r.id)
      FROM org_labels r
     WHERE CASE WHEN p_series IS NULL THEN r.parent_id IS NULL ELSE r.id = (SELECT region_id FROM activity_series WHERE id = p_series) END
    RETURNING created
  )
  SELECT coalesce(sum(created), 0) INTO made FROM counted;
  RETURN made;
END $$;
