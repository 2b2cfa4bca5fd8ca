-- Points' functions move into points' own migrations: activities' migrations
-- (0040, 0061, 0131) made them before points was a module of its own, so their
-- last definition now lives here. Same behaviour; other modules' records are
-- read only through what those modules publish (org_labels,
-- gj_activity_heading). The triggers stay attached: they name the functions.

-- The rule of a kind that applies to an organization on a day: the nearest
-- organization above it that has one, its latest version by then.
CREATE OR REPLACE FUNCTION gj_points_rule(org bigint, rule_kind text, on_day date)
RETURNS TABLE (id bigint, points numeric, name text) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.id, r.points, r.name
    FROM org_labels o JOIN org_labels a ON a.path @> o.path
    JOIN points_rules r ON r.org_id = a.id AND r.kind = rule_kind AND r.effective_from <= on_day
   WHERE o.id = org
   ORDER BY nlevel(a.path) DESC, r.effective_from DESC, r.id DESC
   LIMIT 1
$$;

-- Attendance points are dated by the activity's day in the region, which is
-- the session's zone (kernel/db.ts sets it from GONGJIAN_TIME_ZONE on every
-- connection).
CREATE OR REPLACE FUNCTION gj_award_points() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE a record; r record; k text;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.is_leader = OLD.is_leader THEN RETURN NULL; END IF;
  SELECT * INTO a FROM gj_activity_heading(NEW.activity_id);
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

-- Earned points of attendance, leading and bonus items (corrections too, so
-- a re-run moves the spendable side by the same difference) are credited at
-- the rate of the "spendable" rule in force where and when they were earned;
-- without such a rule nothing is credited. Once per statement, so a bulk
-- insert into the ledger costs one more statement, not one per row.
CREATE OR REPLACE FUNCTION gj_spendable_credit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO points_spendable (org_id, person_id, user_id, unit_id, kind, points, entry_id, rule_id, reason, created_by)
  SELECT e.org_id, e.person_id, e.user_id, e.unit_id, 'credit', round(e.points * r.points, 1), e.id, r.id, r.name || '：' || e.reason, e.created_by
    FROM added e CROSS JOIN LATERAL gj_points_rule(e.org_id, 'spendable', e.earned_on) r
   WHERE e.kind IN ('attend', 'lead', 'bonus') AND round(e.points * r.points, 1) <> 0;
  RETURN NULL;
END $$;

-- A redemption never takes the balance below zero, under concurrency too:
-- redemptions of one person queue on a lock, and the balance is summed over
-- all their rows, whichever community credited them (definer's rights).
CREATE OR REPLACE FUNCTION gj_spendable_redeem() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE balance numeric;
BEGIN
  PERFORM pg_advisory_xact_lock(7420610, (NEW.person_id % 2000000000)::int);
  SELECT coalesce(sum(points), 0) INTO balance FROM points_spendable WHERE person_id = NEW.person_id;
  IF balance + NEW.points < 0 THEN
    RAISE EXCEPTION 'spendable balance % is short of %', balance, -NEW.points USING ERRCODE = '23514', CONSTRAINT = 'points_spendable_balance';
  END IF;
  RETURN NEW;
END $$;
