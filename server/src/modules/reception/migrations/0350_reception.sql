-- 接待站 / 两代表一委员工作室: an organization keeps a roster of
-- representatives (people's congress deputies, CPPCC members, party congress
-- delegates) with their constituency, and their duty slots. A representative
-- on duty receives a visitor, and the visit is recorded in one entry that is
-- a need in the needs loop (source 'reception'): the visitor's personal data
-- lives in the need, under the needs' rules, and the visit row says only who
-- received whom, when. The office's figures are counts of these rows.

CREATE TABLE reception_representatives (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('people_deputy', 'cppcc_member', 'party_delegate')),
  name text NOT NULL,
  constituency text NOT NULL,
  person_id bigint,
  -- The representative's own account: they read their duty and the visits they received.
  user_id bigint,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT reception_representatives_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT reception_representatives_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id)
);
CREATE INDEX reception_representatives_id ON reception_representatives (id);
CREATE INDEX reception_representatives_org ON reception_representatives (org_id);
CREATE UNIQUE INDEX reception_representatives_name_key ON reception_representatives (region_id, org_id, kind, name);
SELECT gj_protect_table('reception_representatives', 'org_id', owner_col => 'user_id');

CREATE TABLE reception_duty_slots (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  representative_id bigint NOT NULL,
  user_id bigint,
  on_date date NOT NULL,
  period text NOT NULL CHECK (period IN ('morning', 'afternoon', 'full_day')),
  PRIMARY KEY (region_id, id),
  CONSTRAINT reception_duty_slots_representative_fkey FOREIGN KEY (region_id, representative_id) REFERENCES reception_representatives (region_id, id)
);
CREATE INDEX reception_duty_slots_id ON reception_duty_slots (id);
CREATE INDEX reception_duty_slots_org ON reception_duty_slots (org_id, on_date);
CREATE UNIQUE INDEX reception_duty_slots_key ON reception_duty_slots (region_id, representative_id, on_date, period);
SELECT gj_protect_table('reception_duty_slots', 'org_id', owner_col => 'user_id');

CREATE TABLE reception_visits (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  representative_id bigint NOT NULL,
  user_id bigint,
  visited_on date NOT NULL,
  need_id bigint NOT NULL,
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT reception_visits_representative_fkey FOREIGN KEY (region_id, representative_id) REFERENCES reception_representatives (region_id, id),
  CONSTRAINT reception_visits_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id)
);
CREATE INDEX reception_visits_id ON reception_visits (id);
CREATE INDEX reception_visits_org ON reception_visits (org_id, visited_on);
CREATE INDEX reception_visits_representative ON reception_visits (representative_id);
CREATE UNIQUE INDEX reception_visits_need_key ON reception_visits (region_id, need_id);
SELECT gj_protect_table('reception_visits', 'org_id', owner_col => 'user_id');

-- A visit is received by a representative on duty that day (a slot of theirs).
CREATE FUNCTION gj_reception_visit_on_duty() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM reception_duty_slots s WHERE s.representative_id = NEW.representative_id AND s.on_date = NEW.visited_on) THEN
    RAISE EXCEPTION 'representative % is not on duty on %', NEW.representative_id, NEW.visited_on
      USING ERRCODE = '23514', CONSTRAINT = 'reception_visits_on_duty';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_reception_visit_on_duty BEFORE INSERT ON reception_visits FOR EACH ROW EXECUTE FUNCTION gj_reception_visit_on_duty();
