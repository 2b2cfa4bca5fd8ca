-- Spendable points (可兑换积分), kept apart from the points earned: the
-- earned ledger (points_entries) decides the yearly totals and the 24-point
-- threshold and is never spent; this ledger is what a member may redeem
-- (a community's points supermarket). Credits derive from earned entries
-- where a "spendable" rule says at what rate; redemptions are debits with a
-- reason. Nothing here is read by the yearly totals.
ALTER TABLE points_rules DROP CONSTRAINT points_rules_kind_check;
ALTER TABLE points_rules ADD CONSTRAINT points_rules_kind_check
  CHECK (kind IN ('attend', 'lead', 'absent', 'bonus', 'deduction', 'threshold', 'spendable'));

CREATE TABLE points_spendable (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  user_id bigint,
  unit_id bigint,
  kind text NOT NULL CHECK (kind IN ('credit', 'redeem')),
  points numeric(7, 1) NOT NULL CHECK (points <> 0),
  -- The earned entry a credit derives from, and the rule that set the rate.
  entry_id bigint,
  rule_id bigint,
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT points_spendable_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT points_spendable_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT points_spendable_entry_fkey FOREIGN KEY (region_id, entry_id) REFERENCES points_entries (region_id, id),
  CONSTRAINT points_spendable_rule_fkey FOREIGN KEY (region_id, rule_id) REFERENCES points_rules (region_id, id),
  CONSTRAINT points_spendable_redeem CHECK (kind <> 'redeem' OR (points < 0 AND entry_id IS NULL)),
  CONSTRAINT points_spendable_credit CHECK (kind <> 'credit' OR entry_id IS NOT NULL)
);
CREATE INDEX points_spendable_id ON points_spendable (id);
CREATE INDEX points_spendable_person ON points_spendable (person_id, created_at);
-- An earned entry is credited once.
CREATE UNIQUE INDEX points_spendable_entry_key ON points_spendable (region_id, entry_id) WHERE entry_id IS NOT NULL;
SELECT gj_protect_table('points_spendable', 'org_id', unit_col => 'unit_id', owner_col => 'user_id');
CREATE TRIGGER gj_points_append_only BEFORE UPDATE OR DELETE ON points_spendable FOR EACH ROW EXECUTE FUNCTION gj_points_append_only();
CREATE TRIGGER gj_points_no_truncate BEFORE TRUNCATE ON points_spendable FOR EACH STATEMENT EXECUTE FUNCTION gj_points_append_only();

-- Earned points of attendance, leading and bonus items (corrections too, so
-- a re-run moves the spendable side by the same difference) are credited at
-- the rate of the "spendable" rule in force where and when they were earned;
-- without such a rule nothing is credited. Once per statement, so a bulk
-- insert into the ledger costs one more statement, not one per row.
CREATE FUNCTION gj_spendable_credit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO points_spendable (org_id, person_id, user_id, unit_id, kind, points, entry_id, rule_id, reason, created_by)
  SELECT e.org_id, e.person_id, e.user_id, e.unit_id, 'credit', round(e.points * r.points, 1), e.id, r.id, r.name || '：' || e.reason, e.created_by
    FROM added e CROSS JOIN LATERAL gj_points_rule(e.org_id, 'spendable', e.earned_on) r
   WHERE e.kind IN ('attend', 'lead', 'bonus') AND round(e.points * r.points, 1) <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_spendable_credit AFTER INSERT ON points_entries REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION gj_spendable_credit();

-- A redemption never takes the balance below zero, under concurrency too:
-- redemptions of one person queue on a lock, and the balance is summed over
-- all their rows, whichever community credited them (definer's rights).
CREATE FUNCTION gj_spendable_redeem() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE balance numeric;
BEGIN
  PERFORM pg_advisory_xact_lock(7420610, (NEW.person_id % 2000000000)::int);
  SELECT coalesce(sum(points), 0) INTO balance FROM points_spendable WHERE person_id = NEW.person_id;
  IF balance + NEW.points < 0 THEN
    RAISE EXCEPTION 'spendable balance % is short of %', balance, -NEW.points USING ERRCODE = '23514', CONSTRAINT = 'points_spendable_balance';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_spendable_redeem BEFORE INSERT ON points_spendable FOR EACH ROW WHEN (NEW.kind = 'redeem') EXECUTE FUNCTION gj_spendable_redeem();
