-- Activities (活动), sign-up and check-in, the service log (服务日志), the
-- points ledger (积分), volunteer teams (志愿者队伍), service certificates and
-- members' calendar feeds. Every row names the organization that hosts the
-- activity (a community): its staff see and change the rows; the member's own
-- rows are theirs to read (owner); their work unit's liaison reads them too
-- (unit), so a unit sees its members' service across communities.

-- Everyone sees the activities, teams and points rules of the organizations
-- above where they stand: a member those of their grid branch, community,
-- street and city; a community's staff the street's and the city's (whose
-- rules apply to them). Ancestors' ids are not secret, but the tree above is
-- outside the caller's scope, hence the definer's rights. Policies call it
-- as a subquery, so it runs once per statement rather than once per row.
CREATE FUNCTION gj_reach_ids() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT a.id), '{}')
    FROM organizations n JOIN organizations a ON a.path @> n.path
   WHERE n.id = ANY (gj_node_ids()) OR n.path = ANY (gj_read_paths())
$$;
REVOKE ALL ON FUNCTION gj_reach_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_reach_ids() TO gongjian_app;

CREATE TABLE volunteer_teams (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  focus text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT volunteer_teams_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT volunteer_teams_name_key UNIQUE (region_id, org_id, name)
);
CREATE INDEX volunteer_teams_id ON volunteer_teams (id);
SELECT gj_protect_table('volunteer_teams', 'org_id');
CREATE POLICY gj_reach ON volunteer_teams FOR SELECT TO gongjian_app USING (org_id IN (SELECT unnest(gj_reach_ids())));

CREATE TABLE volunteer_team_members (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  team_id bigint NOT NULL,
  person_id bigint NOT NULL,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'member')),
  joined_on date NOT NULL DEFAULT current_date,
  PRIMARY KEY (region_id, id),
  CONSTRAINT volunteer_team_members_team_fkey FOREIGN KEY (region_id, team_id) REFERENCES volunteer_teams (region_id, id) ON DELETE CASCADE,
  CONSTRAINT volunteer_team_members_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT volunteer_team_members_key UNIQUE (region_id, team_id, person_id)
);
CREATE INDEX volunteer_team_members_id ON volunteer_team_members (id);
CREATE INDEX volunteer_team_members_team ON volunteer_team_members (team_id);
SELECT gj_protect_table('volunteer_team_members', 'org_id');

-- Kinds an administrator adds beside the built-in ones (schema.ts).
CREATE TABLE activity_kinds (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  PRIMARY KEY (region_id, id),
  CONSTRAINT activity_kinds_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT activity_kinds_name_key UNIQUE (region_id, org_id, name)
);
CREATE INDEX activity_kinds_id ON activity_kinds (id);
SELECT gj_protect_table('activity_kinds', 'org_id');
CREATE POLICY gj_reach ON activity_kinds FOR SELECT TO gongjian_app USING (org_id IN (SELECT unnest(gj_reach_ids())));

-- A recurring activity: the n-th weekday of every month (梅河口's open day is
-- the first Friday), from a start date to an end date.
CREATE TABLE activity_series (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  title text NOT NULL CHECK (btrim(title) <> ''),
  kind text NOT NULL,
  place text NOT NULL,
  week_of_month int NOT NULL CHECK (week_of_month BETWEEN 1 AND 4),
  weekday int NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  minutes int NOT NULL CHECK (minutes BETWEEN 15 AND 1440),
  capacity int NOT NULL CHECK (capacity > 0),
  audience text[] NOT NULL,
  services text[] NOT NULL DEFAULT '{}',
  team_id bigint,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT activity_series_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT activity_series_team_fkey FOREIGN KEY (region_id, team_id) REFERENCES volunteer_teams (region_id, id),
  CONSTRAINT activity_series_dates CHECK (ends_on >= starts_on AND ends_on < starts_on + 1096)
);
CREATE INDEX activity_series_id ON activity_series (id);
SELECT gj_protect_table('activity_series', 'org_id');

CREATE TABLE activities (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The hosting organization (a community, or above): its staff run the activity.
  org_id bigint NOT NULL,
  kind text NOT NULL,
  title text NOT NULL CHECK (btrim(title) <> ''),
  description text,
  organizer_kind text NOT NULL DEFAULT 'community' CHECK (organizer_kind IN ('community', 'unit', 'team', 'project')),
  unit_id bigint,
  team_id bigint,
  project_name text,
  place text NOT NULL CHECK (btrim(place) <> ''),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity int NOT NULL CHECK (capacity > 0),
  audience text[] NOT NULL CHECK (cardinality(audience) > 0 AND audience <@ ARRAY['members', 'reported_members', 'residents']),
  services text[] NOT NULL DEFAULT '{}',
  series_id bigint,
  occurrence_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT activities_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT activities_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT activities_team_fkey FOREIGN KEY (region_id, team_id) REFERENCES volunteer_teams (region_id, id),
  CONSTRAINT activities_series_fkey FOREIGN KEY (region_id, series_id) REFERENCES activity_series (region_id, id),
  CONSTRAINT activities_time CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '24 hours'),
  CONSTRAINT activities_organizer CHECK (
    (organizer_kind = 'unit') = (unit_id IS NOT NULL)
    AND (organizer_kind <> 'team' OR team_id IS NOT NULL)
    AND (organizer_kind = 'project') = (project_name IS NOT NULL)),
  -- Two generators running at once create each occurrence of a series once.
  CONSTRAINT activities_occurrence_key UNIQUE (region_id, series_id, occurrence_on)
);
CREATE INDEX activities_id ON activities (id);
CREATE INDEX activities_org_time ON activities (org_id, starts_at);
SELECT gj_protect_table('activities', 'org_id', unit_col => 'unit_id');
CREATE POLICY gj_reach ON activities FOR SELECT TO gongjian_app USING (org_id IN (SELECT unnest(gj_reach_ids())));

-- Names of party organizations are public, and a member reading an activity
-- of their community needs its host's name, which their scope does not reach.
CREATE FUNCTION gj_org_name(org bigint) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT name FROM organizations WHERE id = org
$$;
REVOKE ALL ON FUNCTION gj_org_name(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_org_name(bigint) TO gongjian_app;

CREATE TABLE activity_signups (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  activity_id bigint NOT NULL,
  person_id bigint NOT NULL,
  -- The person's account (they see and act on their own sign-up) and work unit (its liaison sees it).
  user_id bigint,
  unit_id bigint,
  status text NOT NULL DEFAULT 'signed_up' CHECK (status IN ('signed_up', 'waitlisted', 'cancelled', 'leave', 'absent', 'attended')),
  is_leader boolean NOT NULL DEFAULT false,
  signed_up_at timestamptz NOT NULL DEFAULT now(),
  checked_in_at timestamptz,
  check_in_method text CHECK (check_in_method IN ('qr', 'organizer')),
  checked_out_at timestamptz,
  PRIMARY KEY (region_id, id),
  CONSTRAINT activity_signups_activity_fkey FOREIGN KEY (region_id, activity_id) REFERENCES activities (region_id, id),
  CONSTRAINT activity_signups_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT activity_signups_key UNIQUE (region_id, activity_id, person_id),
  CONSTRAINT activity_signups_checkin CHECK ((status = 'attended') = (checked_in_at IS NOT NULL)),
  CONSTRAINT activity_signups_checkout CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
CREATE INDEX activity_signups_id ON activity_signups (id);
CREATE INDEX activity_signups_activity ON activity_signups (activity_id, status, signed_up_at);
CREATE INDEX activity_signups_person ON activity_signups (person_id);
CREATE INDEX activity_signups_user ON activity_signups (user_id) WHERE user_id IS NOT NULL;
SELECT gj_protect_table('activity_signups', 'org_id', unit_col => 'unit_id', owner_col => 'user_id', owner_writes => true);

-- Capacity is kept by the database: a sign-up (or a promotion from the waiting
-- list) locks its activity, so concurrent sign-ups queue here and count each
-- other; whoever finds the activity full goes on the waiting list. Definer's
-- rights: a member may not lock the activity row themselves.
CREATE FUNCTION gj_signup_capacity() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE cap int; taken int;
BEGIN
  IF NEW.status <> 'signed_up' OR (TG_OP = 'UPDATE' AND OLD.status = 'signed_up') THEN RETURN NEW; END IF;
  SELECT capacity INTO cap FROM activities WHERE id = NEW.activity_id FOR UPDATE;
  SELECT count(*) INTO taken FROM activity_signups
   WHERE activity_id = NEW.activity_id AND status IN ('signed_up', 'attended') AND id <> NEW.id;
  IF taken >= cap THEN
    IF TG_OP = 'UPDATE' THEN
      RAISE EXCEPTION 'activity % is full', NEW.activity_id USING ERRCODE = '23514', CONSTRAINT = 'activity_signups_capacity';
    END IF;
    NEW.status := 'waitlisted';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_signup_capacity BEFORE INSERT OR UPDATE OF status ON activity_signups
  FOR EACH ROW EXECUTE FUNCTION gj_signup_capacity();

-- A place given up (cancelled, on leave) goes to the first on the waiting
-- list, whoever gave it up: the member cancelling cannot change others' rows.
CREATE FUNCTION gj_signup_promote() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE activity_signups SET status = 'signed_up'
   WHERE id = (SELECT id FROM activity_signups WHERE activity_id = NEW.activity_id AND status = 'waitlisted' ORDER BY signed_up_at, id LIMIT 1);
  RETURN NULL;
END $$;
CREATE TRIGGER gj_signup_promote AFTER UPDATE OF status ON activity_signups FOR EACH ROW
  WHEN (OLD.status = 'signed_up' AND NEW.status IN ('cancelled', 'leave')) EXECUTE FUNCTION gj_signup_promote();

-- How full an activity is, for everyone who can see the activity: counts
-- only, while the sign-ups themselves stay with staff and their owners.
CREATE FUNCTION gj_activity_counts(ids bigint[])
RETURNS TABLE (activity_id bigint, signed_up int, waitlisted int, attended int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT activity_id, count(*) FILTER (WHERE status IN ('signed_up', 'attended'))::int,
         count(*) FILTER (WHERE status = 'waitlisted')::int, count(*) FILTER (WHERE status = 'attended')::int
    FROM activity_signups WHERE activity_id = ANY (ids) GROUP BY activity_id
$$;
REVOKE ALL ON FUNCTION gj_activity_counts(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_activity_counts(bigint[]) TO gongjian_app;

-- Points rules. A rule is never edited: a change is a new row effective from
-- a date; entries already in the ledger keep the points of the rule they
-- name until someone re-runs the year on purpose (service.rerun). Kinds:
-- attend / lead / absent are applied to attendance automatically; bonus and
-- deduction are items chosen by hand with a reason; threshold is the yearly
-- minimum (24 in 梅河口). The rule of the nearest organization above the
-- activity applies, so a city sets rules for all its communities.
CREATE TABLE points_rules (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('attend', 'lead', 'absent', 'bonus', 'deduction', 'threshold')),
  name text NOT NULL CHECK (btrim(name) <> ''),
  points numeric(6, 1) NOT NULL,
  effective_from date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT points_rules_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT points_rules_sign CHECK (CASE kind WHEN 'deduction' THEN points < 0 WHEN 'absent' THEN points <= 0 ELSE points >= 0 END),
  CONSTRAINT points_rules_version_key UNIQUE (region_id, org_id, kind, name, effective_from)
);
CREATE INDEX points_rules_id ON points_rules (id);
SELECT gj_protect_table('points_rules', 'org_id');
CREATE POLICY gj_reach ON points_rules FOR SELECT TO gongjian_app USING (org_id IN (SELECT unnest(gj_reach_ids())));

-- The rule of a kind that applies to an organization on a day: the nearest
-- organization above it that has one, its latest version by then.
CREATE FUNCTION gj_points_rule(org bigint, rule_kind text, on_day date)
RETURNS TABLE (id bigint, points numeric, name text) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.id, r.points, r.name
    FROM organizations o JOIN organizations a ON a.path @> o.path
    JOIN points_rules r ON r.org_id = a.id AND r.kind = rule_kind AND r.effective_from <= on_day
   WHERE o.id = org
   ORDER BY nlevel(a.path) DESC, r.effective_from DESC, r.id DESC
   LIMIT 1
$$;
REVOKE ALL ON FUNCTION gj_points_rule(bigint, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_points_rule(bigint, text, date) TO gongjian_app;

-- The points ledger: entries are added, never changed or removed; a
-- correction is a new entry (correction = true) for the same sign-up and kind.
-- These are points earned; nothing here is spent.
CREATE TABLE points_entries (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  user_id bigint,
  unit_id bigint,
  -- The day the points were earned (the activity's day); the year follows.
  earned_on date NOT NULL CHECK (earned_on >= '2000-01-01' AND earned_on < '2101-01-01'),
  year int NOT NULL GENERATED ALWAYS AS (extract(year FROM earned_on)::int) STORED,
  kind text NOT NULL CHECK (kind IN ('attend', 'lead', 'absent', 'bonus', 'deduction')),
  points numeric(6, 1) NOT NULL CHECK (points <> 0),
  rule_id bigint,
  signup_id bigint,
  correction boolean NOT NULL DEFAULT false,
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT points_entries_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT points_entries_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT points_entries_rule_fkey FOREIGN KEY (region_id, rule_id) REFERENCES points_rules (region_id, id),
  CONSTRAINT points_entries_signup_fkey FOREIGN KEY (region_id, signup_id) REFERENCES activity_signups (region_id, id)
);
CREATE INDEX points_entries_id ON points_entries (id);
CREATE INDEX points_entries_year_person ON points_entries (year, person_id) INCLUDE (points, org_id);
CREATE INDEX points_entries_person ON points_entries (person_id, year);
-- Attending once earns once, however often the check-in is repeated.
CREATE UNIQUE INDEX points_entries_award_key ON points_entries (region_id, signup_id, kind) WHERE signup_id IS NOT NULL AND NOT correction;
SELECT gj_protect_table('points_entries', 'org_id', unit_col => 'unit_id', owner_col => 'user_id');

CREATE FUNCTION gj_points_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points entries are never changed; add a correction' USING ERRCODE = '23514', CONSTRAINT = 'points_entries_append_only';
END $$;
CREATE TRIGGER gj_points_append_only BEFORE UPDATE OR DELETE ON points_entries FOR EACH ROW EXECUTE FUNCTION gj_points_append_only();
CREATE TRIGGER gj_points_no_truncate BEFORE TRUNCATE ON points_entries FOR EACH STATEMENT EXECUTE FUNCTION gj_points_append_only();

-- Attendance earns points by the rules in force on the activity's day, however
-- it was recorded (QR check-in, the organizer, an import): one place decides.
-- Definer's rights: the member checking in may not write the ledger.
CREATE FUNCTION gj_award_points() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE a activities; r record; k text;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.is_leader = OLD.is_leader THEN RETURN NULL; END IF;
  SELECT * INTO a FROM activities WHERE id = NEW.activity_id;
  FOREACH k IN ARRAY ARRAY['attend', 'lead', 'absent'] LOOP
    CONTINUE WHEN (k = 'attend' AND NEW.status <> 'attended')
              OR (k = 'lead' AND NOT (NEW.status = 'attended' AND NEW.is_leader))
              OR (k = 'absent' AND NEW.status <> 'absent');
    SELECT * INTO r FROM gj_points_rule(a.org_id, k, (a.starts_at AT TIME ZONE 'Asia/Shanghai')::date);
    CONTINUE WHEN NOT FOUND OR r.points = 0;
    INSERT INTO points_entries (org_id, person_id, user_id, unit_id, earned_on, kind, points, rule_id, signup_id, reason, created_by)
    VALUES (NEW.org_id, NEW.person_id, NEW.user_id, NEW.unit_id, (a.starts_at AT TIME ZONE 'Asia/Shanghai')::date,
            k, r.points, r.id, NEW.id, r.name || '：' || a.title, gj_user_id())
    ON CONFLICT DO NOTHING;
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_award_points AFTER INSERT OR UPDATE OF status, is_leader ON activity_signups
  FOR EACH ROW EXECUTE FUNCTION gj_award_points();

-- The service log: what a person did, where, for how long, and who confirmed
-- it. Rows come from check-out and the organizer's confirmation (one per
-- sign-up), or are recorded by the community by hand (good deeds outside an
-- activity, 平房区's volunteer record).
CREATE TABLE service_logs (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  user_id bigint,
  unit_id bigint,
  activity_id bigint,
  signup_id bigint,
  served_on date NOT NULL,
  what text NOT NULL CHECK (btrim(what) <> ''),
  place text NOT NULL,
  hours numeric(4, 1) NOT NULL CHECK (hours >= 0 AND hours <= 24),
  confirmed_by bigint,
  confirmed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT service_logs_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT service_logs_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT service_logs_activity_fkey FOREIGN KEY (region_id, activity_id) REFERENCES activities (region_id, id),
  CONSTRAINT service_logs_signup_fkey FOREIGN KEY (region_id, signup_id) REFERENCES activity_signups (region_id, id),
  CONSTRAINT service_logs_signup_key UNIQUE (region_id, signup_id),
  CONSTRAINT service_logs_confirmed CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL))
);
CREATE INDEX service_logs_id ON service_logs (id);
CREATE INDEX service_logs_person ON service_logs (person_id, served_on);
CREATE INDEX service_logs_org ON service_logs (org_id, served_on);
CREATE INDEX service_logs_unit ON service_logs (unit_id, served_on) WHERE unit_id IS NOT NULL;
SELECT gj_protect_table('service_logs', 'org_id', unit_col => 'unit_id', owner_col => 'user_id', owner_writes => true);

-- A member's service certificate for a year, issued by a community; anyone
-- holding the code can check it (gj_verify_certificate).
CREATE TABLE service_certificates (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  user_id bigint,
  unit_id bigint,
  year int NOT NULL,
  hours numeric(6, 1) NOT NULL,
  points numeric(7, 1) NOT NULL,
  activities int NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9]{12}$'),
  issued_by bigint,
  issued_on date NOT NULL DEFAULT current_date,
  PRIMARY KEY (region_id, id),
  CONSTRAINT service_certificates_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT service_certificates_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT service_certificates_key UNIQUE (region_id, org_id, person_id, year)
);
CREATE INDEX service_certificates_id ON service_certificates (id);
CREATE UNIQUE INDEX service_certificates_code ON service_certificates (code);
SELECT gj_protect_table('service_certificates', 'org_id', unit_col => 'unit_id', owner_col => 'user_id');

-- What a certificate's code proves, and nothing else: the public check page.
CREATE FUNCTION gj_verify_certificate(cert_code text)
RETURNS TABLE (person_name text, org_name text, year int, hours numeric, points numeric, activities int, issued_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.name, o.name, c.year, c.hours, c.points, c.activities, c.issued_on
    FROM service_certificates c JOIN people p ON p.id = c.person_id JOIN organizations o ON o.id = c.org_id
   WHERE c.code = cert_code
$$;
REVOKE ALL ON FUNCTION gj_verify_certificate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_verify_certificate(text) TO gongjian_app;

-- A member's calendar feed: a secret URL token, of which only a hash is kept.
CREATE TABLE calendar_feeds (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  user_id bigint NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT calendar_feeds_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT calendar_feeds_user_key UNIQUE (region_id, user_id)
);
CREATE INDEX calendar_feeds_id ON calendar_feeds (id);
CREATE UNIQUE INDEX calendar_feeds_token ON calendar_feeds (token_hash);
SELECT gj_protect_table('calendar_feeds', 'org_id', owner_col => 'user_id', owner_writes => true);

-- The feed behind a token: the activities its owner signed up for (a known
-- token with none yields one empty row). A wrong token finds no owner and so
-- no row at all.
CREATE FUNCTION gj_calendar_feed(hash text)
RETURNS TABLE (id bigint, title text, place text, starts_at timestamptz, ends_at timestamptz, status text, org_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id, a.title, a.place, a.starts_at, a.ends_at, CASE WHEN a.status = 'cancelled' THEN 'cancelled' ELSE s.status END, o.name
    FROM calendar_feeds f
    LEFT JOIN (activity_signups s JOIN activities a ON a.id = s.activity_id JOIN organizations o ON o.id = a.org_id)
      ON s.user_id = f.user_id AND s.status IN ('signed_up', 'waitlisted', 'attended')
   WHERE f.token_hash = hash
   ORDER BY a.starts_at
$$;
REVOKE ALL ON FUNCTION gj_calendar_feed(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_calendar_feed(text) TO gongjian_app;
