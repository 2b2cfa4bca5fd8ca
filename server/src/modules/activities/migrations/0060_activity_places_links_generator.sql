-- Where an activity is held (a venue from the resources list, booked through
-- the resources service, or an address), what it answers (needs, an alliance
-- project), who beyond the host's scope sees it (members reported in), and
-- the recurring generator's scheduled run.

-- venue_id and booking_id name rows of the resources module, kept by its
-- service (a cancelled or moved activity cancels or replaces its booking).
ALTER TABLE activities
  ADD COLUMN venue_id bigint,
  ADD COLUMN booking_id bigint,
  ADD COLUMN need_ids bigint[] NOT NULL DEFAULT '{}',
  ADD COLUMN project_id bigint,
  ADD CONSTRAINT activities_booking CHECK (booking_id IS NULL OR venue_id IS NOT NULL);
CREATE INDEX activities_need_ids ON activities USING gin (need_ids);
CREATE INDEX activities_project ON activities (project_id) WHERE project_id IS NOT NULL;

ALTER TABLE activity_series ADD COLUMN venue_id bigint;

-- A series at a venue books every day of the series when it is set up (the
-- hall is reserved for every first Friday of the year); an occurrence
-- generated later takes its day's booking from here.
CREATE TABLE activity_series_bookings (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  series_id bigint NOT NULL,
  occurrence_on date NOT NULL,
  booking_id bigint NOT NULL,
  PRIMARY KEY (region_id, id),
  CONSTRAINT activity_series_bookings_series_fkey FOREIGN KEY (region_id, series_id) REFERENCES activity_series (region_id, id),
  CONSTRAINT activity_series_bookings_key UNIQUE (region_id, series_id, occurrence_on)
);
CREATE INDEX activity_series_bookings_id ON activity_series_bookings (id);
SELECT gj_protect_table('activity_series_bookings', 'org_id');

-- The days of a series up to a day: the n-th weekday (1 = Monday) of each month.
CREATE FUNCTION gj_series_days(s activity_series, until date) RETURNS SETOF date LANGUAGE sql STABLE AS $$
  SELECT d FROM generate_series(date_trunc('month', s.starts_on::timestamp), least(s.ends_on, until)::timestamp, interval '1 month') m,
         LATERAL (SELECT m::date + (s.weekday - extract(isodow FROM m)::int + 7) % 7 + 7 * (s.week_of_month - 1) AS d) x
   WHERE d BETWEEN s.starts_on AND least(s.ends_on, until)
   ORDER BY d
$$;

-- Generator runs: one row per run. Every app server's timer calls the
-- generator; the advisory lock and this log (a run within the last 50
-- seconds) leave the work to one of them, and the occurrence key makes even
-- two overlapping runs create each occurrence once.
CREATE TABLE activity_generator_runs (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  by_user_id bigint,
  series_id bigint,
  created integer NOT NULL,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX activity_generator_runs_at ON activity_generator_runs (at DESC);

-- Creates the occurrences of series that fall within the horizon (today plus
-- horizon_days) and do not exist yet. With a series: that one, which a user
-- must see. Without: every series of every region, for the timer (no user),
-- unless another server ran a moment ago or is running now — then NULL.
CREATE FUNCTION gj_generate_occurrences(p_series bigint DEFAULT NULL, horizon_days int DEFAULT 92) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE who bigint := gj_user_id(); made integer;
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
           (d + s.start_time) AT TIME ZONE 'Asia/Shanghai', (d + s.start_time) AT TIME ZONE 'Asia/Shanghai' + make_interval(mins => s.minutes),
           s.capacity, s.audience, s.services, s.id, d
      FROM activity_series s
      CROSS JOIN LATERAL gj_series_days(s, (now() AT TIME ZONE 'Asia/Shanghai')::date + horizon_days) d
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

-- A member reported in (双报到, accepted) at a community sees that
-- community's activities open to reported members, though their own scope is
-- their home organization: a narrow list by definer's rights, read through
-- the report-ins the member owns. Sign-up still checks the audience.
CREATE FUNCTION gj_reported_activity_ids() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(a.id), '{}')
    FROM report_ins r JOIN activities a ON a.org_id = r.org_id AND 'reported_members' = ANY (a.audience)
   WHERE r.member_user_id = gj_user_id() AND r.status = 'accepted'
$$;
REVOKE ALL ON FUNCTION gj_reported_activity_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_reported_activity_ids() TO gongjian_app;
CREATE POLICY gj_reported ON activities FOR SELECT TO gongjian_app USING (id IN (SELECT unnest(gj_reported_activity_ids())));
