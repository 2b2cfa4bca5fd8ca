-- Study delivered home (送学上门): a branch marks members who cannot come to
-- its meetings (elderly, ill), and sends the month's study to them: a member
-- of the branch takes it to their home, and the delivery, recorded once,
-- counts as their attendance at the month's study activity.

-- Why a member cannot come is health data: staff of the member's branch see
-- it (row-level security on org_id) and the audit log masks it.
CREATE TABLE homebound_members (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The member's organization (their branch), as their file names it.
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  reason text NOT NULL CHECK (reason IN ('elderly', 'ill', 'disabled', 'other')),
  since date NOT NULL DEFAULT current_date,
  marked_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT homebound_members_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT homebound_members_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT homebound_members_person_key UNIQUE (region_id, person_id)
);
CREATE INDEX homebound_members_id ON homebound_members (id);
CREATE INDEX homebound_members_org ON homebound_members (org_id);
SELECT gj_protect_table('homebound_members', 'org_id', masked => '{reason}');

-- A delivery is a task for the member who takes the study home: they see it
-- (owner_col), and record it done themselves through gj_deliver_study.
CREATE TABLE study_deliveries (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  homebound_id bigint NOT NULL,
  person_id bigint NOT NULL,
  -- Names as they were when scheduled: the deliverer reads their task without
  -- reaching the member's file (a member sees only their own).
  person_name text NOT NULL,
  activity_id bigint NOT NULL,
  deliverer_person_id bigint NOT NULL,
  deliverer_user_id bigint NOT NULL,
  deliverer_name text NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'delivered')),
  delivered_at timestamptz,
  note text,
  scheduled_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT study_deliveries_homebound_fkey FOREIGN KEY (region_id, homebound_id) REFERENCES homebound_members (region_id, id),
  CONSTRAINT study_deliveries_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT study_deliveries_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT study_deliveries_activity_fkey FOREIGN KEY (region_id, activity_id) REFERENCES activities (region_id, id),
  CONSTRAINT study_deliveries_deliverer_fkey FOREIGN KEY (region_id, deliverer_person_id) REFERENCES people (region_id, id),
  -- One delivery of a month's study to a member: recorded once.
  CONSTRAINT study_deliveries_once UNIQUE (region_id, activity_id, person_id),
  CONSTRAINT study_deliveries_not_self CHECK (deliverer_person_id <> person_id),
  CONSTRAINT study_deliveries_done CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX study_deliveries_id ON study_deliveries (id);
CREATE INDEX study_deliveries_org ON study_deliveries (org_id, due_on);
CREATE INDEX study_deliveries_deliverer ON study_deliveries (deliverer_user_id, status);
SELECT gj_protect_table('study_deliveries', 'org_id', owner_col => 'deliverer_user_id');

-- The deliverer records the delivery, once: the study counts as the member's
-- attendance (activities' gj_attend_delivered), in the same transaction.
CREATE FUNCTION gj_deliver_study(p_delivery_id bigint, p_note text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE d study_deliveries;
BEGIN
  SELECT * INTO d FROM study_deliveries WHERE id = p_delivery_id FOR UPDATE;
  IF NOT FOUND OR d.deliverer_user_id IS DISTINCT FROM gj_user_id() THEN
    RAISE EXCEPTION 'only the deliverer records a delivery' USING ERRCODE = '23514', CONSTRAINT = 'study_deliveries_deliverer';
  END IF;
  IF d.status <> 'scheduled' THEN
    RAISE EXCEPTION 'delivery % is already recorded', p_delivery_id USING ERRCODE = '23514', CONSTRAINT = 'study_deliveries_recorded';
  END IF;
  UPDATE study_deliveries SET status = 'delivered', delivered_at = now(), note = p_note WHERE region_id = d.region_id AND id = d.id;
  PERFORM gj_attend_delivered(d.activity_id, d.person_id, now());
END $$;
REVOKE ALL ON FUNCTION gj_deliver_study(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_deliver_study(bigint, text) TO gongjian_app;
