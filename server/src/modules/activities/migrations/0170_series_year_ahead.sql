-- A community plans its year: a series' occurrences are created up to twelve
-- months ahead (bounded by its end), not 92 days, and the timer keeps the
-- horizon rolling. "Today" is the session's, which kernel/db.ts sets to the
-- region's zone on every connection; so are the occurrences' wall-clock times.
DROP FUNCTION gj_generate_occurrences(bigint, int);
CREATE FUNCTION gj_generate_occurrences(p_series bigint DEFAULT NULL, horizon_months int DEFAULT 12) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE who bigint := gj_user_id(); made integer; until date := (current_date + make_interval(months => horizon_months))::date;
BEGIN
  IF p_series IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM activity_series s JOIN organizations o ON o.id = s.org_id
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
      FROM organizations r
     WHERE CASE WHEN p_series IS NULL THEN r.parent_id IS NULL ELSE r.id = (SELECT region_id FROM activity_series WHERE id = p_series) END
    RETURNING created
  )
  SELECT coalesce(sum(created), 0) INTO made FROM counted;
  RETURN made;
END $$;
REVOKE ALL ON FUNCTION gj_generate_occurrences(bigint, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_generate_occurrences(bigint, int) TO gongjian_app;
