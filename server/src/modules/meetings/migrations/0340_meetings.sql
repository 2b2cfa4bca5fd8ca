-- 会议 → 决议 → 任务: a committee meets (its own committee meeting, a joint
-- meeting with its units, a residents' council), with an agenda, invitees
-- taken from its seats and tied units, who attended, minutes kept as
-- versions, and resolutions whose tasks go to an organization or a tied unit
-- and are carried to the next meeting until done. Every row names the
-- meeting's committee in org_id and follows the meeting through
-- (region_id, meeting_id, org_id) ON UPDATE CASCADE, so retiring the
-- committee moves the meeting with everything in it.

CREATE TABLE meetings (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('committee', 'joint', 'residents_council')),
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  place text,
  cadence text NOT NULL CHECK (cadence IN ('once', 'weekly', 'monthly', 'quarterly')),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  chair_person_id bigint,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT meetings_org_key UNIQUE (region_id, id, org_id),
  CONSTRAINT meetings_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT meetings_chair_fkey FOREIGN KEY (region_id, chair_person_id) REFERENCES people (region_id, id)
);
CREATE INDEX meetings_id ON meetings (id);
CREATE INDEX meetings_org ON meetings (org_id, starts_at);
SELECT gj_protect_table('meetings', 'org_id');

-- Invitees: a seat of the committee (its holder answers, or sends a delegate)
-- or a tied unit (its liaison answers). The holder's account and the unit let
-- them read and answer their own invitation from their phone.
CREATE TABLE meeting_invitees (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  meeting_id bigint NOT NULL,
  seat_id bigint,
  unit_id bigint,
  person_id bigint,
  user_id bigint,
  name text NOT NULL,
  response text NOT NULL DEFAULT 'pending' CHECK (response IN ('pending', 'attending', 'delegating', 'declined')),
  delegate_name text,
  answered_at timestamptz,
  attendance text CHECK (attendance IN ('present', 'delegate', 'absent')),
  PRIMARY KEY (region_id, id),
  CONSTRAINT meeting_invitees_meeting_fkey FOREIGN KEY (region_id, meeting_id, org_id) REFERENCES meetings (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT meeting_invitees_seat_fkey FOREIGN KEY (region_id, seat_id) REFERENCES committee_seats (region_id, id),
  CONSTRAINT meeting_invitees_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT meeting_invitees_one_end CHECK (num_nonnulls(seat_id, unit_id) = 1),
  CONSTRAINT meeting_invitees_delegate CHECK ((coalesce(attendance = 'delegate', false) OR response = 'delegating') = (delegate_name IS NOT NULL))
);
CREATE INDEX meeting_invitees_id ON meeting_invitees (id);
CREATE INDEX meeting_invitees_meeting ON meeting_invitees (meeting_id);
CREATE INDEX meeting_invitees_unit ON meeting_invitees (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX meeting_invitees_user ON meeting_invitees (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_invitees_seat_key ON meeting_invitees (region_id, meeting_id, seat_id) WHERE seat_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_invitees_unit_key ON meeting_invitees (region_id, meeting_id, unit_id) WHERE unit_id IS NOT NULL;
SELECT gj_protect_table('meeting_invitees', 'org_id', unit_col => 'unit_id', owner_col => 'user_id', unit_writes => true, owner_writes => true);

-- An invitee reads the meeting and its agenda, wherever the committee sits.
CREATE POLICY gj_invited_read ON meetings FOR SELECT TO gongjian_app
  USING (id IN (SELECT i.meeting_id FROM meeting_invitees i WHERE i.unit_id = ANY (gj_unit_ids()) OR i.user_id = gj_user_id()));

CREATE TABLE meeting_agenda_items (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  meeting_id bigint NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  source text NOT NULL CHECK (source IN ('topic', 'need', 'project', 'proposal')),
  need_id bigint,
  project_id bigint,
  unit_id bigint,
  note text,
  PRIMARY KEY (region_id, id),
  CONSTRAINT meeting_agenda_items_meeting_fkey FOREIGN KEY (region_id, meeting_id, org_id) REFERENCES meetings (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT meeting_agenda_items_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id),
  CONSTRAINT meeting_agenda_items_project_fkey FOREIGN KEY (region_id, project_id) REFERENCES projects (region_id, id),
  CONSTRAINT meeting_agenda_items_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT meeting_agenda_items_reference CHECK (
    (source = 'need') = (need_id IS NOT NULL) AND (source = 'project') = (project_id IS NOT NULL) AND (source = 'proposal') = (unit_id IS NOT NULL))
);
CREATE INDEX meeting_agenda_items_id ON meeting_agenda_items (id);
CREATE INDEX meeting_agenda_items_meeting ON meeting_agenda_items (meeting_id, position);
SELECT gj_protect_table('meeting_agenda_items', 'org_id');
CREATE POLICY gj_invited_read ON meeting_agenda_items FOR SELECT TO gongjian_app
  USING (meeting_id IN (SELECT i.meeting_id FROM meeting_invitees i WHERE i.unit_id = ANY (gj_unit_ids()) OR i.user_id = gj_user_id()));

-- Minutes: versions. A draft is edited; an approved version is never changed
-- again (gj_meeting_minutes_frozen): a correction is the next version.
CREATE TABLE meeting_minutes (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  meeting_id bigint NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  body text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  written_by text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  approved_by text,
  approved_at timestamptz,
  PRIMARY KEY (region_id, id),
  CONSTRAINT meeting_minutes_meeting_fkey FOREIGN KEY (region_id, meeting_id, org_id) REFERENCES meetings (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT meeting_minutes_approval CHECK ((status = 'approved') = (approved_at IS NOT NULL))
);
CREATE INDEX meeting_minutes_id ON meeting_minutes (id);
CREATE UNIQUE INDEX meeting_minutes_version_key ON meeting_minutes (region_id, meeting_id, version);
CREATE UNIQUE INDEX meeting_minutes_one_draft ON meeting_minutes (region_id, meeting_id) WHERE status = 'draft';
SELECT gj_protect_table('meeting_minutes', 'org_id');

CREATE FUNCTION gj_meeting_minutes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The committee's move (org_id) is the one change an approved version takes.
  IF OLD.status = 'approved' AND (TG_OP = 'DELETE' OR (to_jsonb(NEW) - 'org_id') IS DISTINCT FROM (to_jsonb(OLD) - 'org_id')) THEN
    RAISE EXCEPTION 'minutes % are approved', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'meeting_minutes_approved';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER gj_meeting_minutes_frozen BEFORE UPDATE OR DELETE ON meeting_minutes FOR EACH ROW EXECUTE FUNCTION gj_meeting_minutes_frozen();

CREATE TABLE meeting_resolutions (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  meeting_id bigint NOT NULL,
  agenda_item_id bigint,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT meeting_resolutions_org_key UNIQUE (region_id, id, org_id),
  CONSTRAINT meeting_resolutions_meeting_fkey FOREIGN KEY (region_id, meeting_id, org_id) REFERENCES meetings (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT meeting_resolutions_item_fkey FOREIGN KEY (region_id, agenda_item_id) REFERENCES meeting_agenda_items (region_id, id)
);
CREATE INDEX meeting_resolutions_id ON meeting_resolutions (id);
CREATE INDEX meeting_resolutions_meeting ON meeting_resolutions (meeting_id);
SELECT gj_protect_table('meeting_resolutions', 'org_id');
CREATE POLICY gj_invited_read ON meeting_resolutions FOR SELECT TO gongjian_app
  USING (meeting_id IN (SELECT i.meeting_id FROM meeting_invitees i WHERE i.unit_id = ANY (gj_unit_ids()) OR i.user_id = gj_user_id()));

-- Tasks: to an organization (assignee_org_id: its staff read and work it) or
-- a unit (unit_id: its liaison does). Which ones a meeting may assign to (its
-- committee's subtree, tied organizations and units) the service checks; the
-- steps are held here.
CREATE TABLE meeting_tasks (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  meeting_id bigint NOT NULL,
  resolution_id bigint NOT NULL,
  assignee_org_id bigint,
  unit_id bigint,
  -- As it was named when the task was given: the assignee reads it without reading the organization tree.
  assignee_name text NOT NULL,
  title text NOT NULL,
  deadline date NOT NULL,
  responsible text NOT NULL,
  status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'accepted', 'in_progress', 'done')),
  progress text,
  evidence text,
  accepted_at timestamptz,
  completed_at timestamptz,
  -- Set by the overdue sweep (the manifest's job); read time derives it too.
  overdue_since timestamptz,
  need_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT meeting_tasks_org_key UNIQUE (region_id, id, org_id),
  CONSTRAINT meeting_tasks_resolution_fkey FOREIGN KEY (region_id, resolution_id, org_id) REFERENCES meeting_resolutions (region_id, id, org_id) ON UPDATE CASCADE,
  -- The organization follows through the resolution; one cascading path only.
  CONSTRAINT meeting_tasks_meeting_fkey FOREIGN KEY (region_id, meeting_id) REFERENCES meetings (region_id, id),
  CONSTRAINT meeting_tasks_assignee_fkey FOREIGN KEY (region_id, assignee_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT meeting_tasks_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT meeting_tasks_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id),
  CONSTRAINT meeting_tasks_one_assignee CHECK (num_nonnulls(assignee_org_id, unit_id) = 1),
  CONSTRAINT meeting_tasks_evidence CHECK ((status = 'done') = (evidence IS NOT NULL AND completed_at IS NOT NULL))
);
CREATE INDEX meeting_tasks_id ON meeting_tasks (id);
CREATE INDEX meeting_tasks_meeting ON meeting_tasks (meeting_id);
CREATE INDEX meeting_tasks_open ON meeting_tasks (org_id, deadline) WHERE status <> 'done';
CREATE INDEX meeting_tasks_unit ON meeting_tasks (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX meeting_tasks_assignee ON meeting_tasks (assignee_org_id) WHERE assignee_org_id IS NOT NULL;
SELECT gj_protect_table('meeting_tasks', 'org_id', unit_col => 'unit_id', unit_writes => true, other_org_col => 'assignee_org_id');

-- The assignee reads the meeting and the resolution its task came from.
CREATE POLICY gj_assignee_read ON meetings FOR SELECT TO gongjian_app USING (id IN (SELECT t.meeting_id FROM meeting_tasks t));
CREATE POLICY gj_assignee_read ON meeting_resolutions FOR SELECT TO gongjian_app USING (id IN (SELECT t.resolution_id FROM meeting_tasks t));

CREATE FUNCTION gj_meeting_task_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status || '>' || NEW.status) = ANY (ARRAY[
      'assigned>accepted', 'accepted>in_progress', 'accepted>done', 'in_progress>done']) THEN
    RAISE EXCEPTION 'task % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'meeting_tasks_transition';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_meeting_task_step BEFORE UPDATE ON meeting_tasks FOR EACH ROW EXECUTE FUNCTION gj_meeting_task_step();

-- Each step the assignee took, with its words: the task's history.
CREATE TABLE meeting_task_reports (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  task_id bigint NOT NULL,
  assignee_org_id bigint,
  unit_id bigint,
  kind text NOT NULL CHECK (kind IN ('accept', 'progress', 'complete')),
  note text,
  by_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT meeting_task_reports_task_fkey FOREIGN KEY (region_id, task_id, org_id) REFERENCES meeting_tasks (region_id, id, org_id) ON UPDATE CASCADE
);
CREATE INDEX meeting_task_reports_id ON meeting_task_reports (id);
CREATE INDEX meeting_task_reports_task ON meeting_task_reports (task_id);
SELECT gj_protect_table('meeting_task_reports', 'org_id', unit_col => 'unit_id', unit_writes => true, other_org_col => 'assignee_org_id');

-- The overdue sweep (meetings' job) runs in the empty scope: definer rights,
-- and it only marks what read time already derives (deadline passed, not done).
CREATE FUNCTION gj_mark_overdue_meeting_tasks() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH marked AS (
    UPDATE meeting_tasks SET overdue_since = now()
     WHERE status <> 'done' AND deadline < current_date AND overdue_since IS NULL RETURNING 1
  ) SELECT count(*)::int FROM marked
$$;
REVOKE ALL ON FUNCTION gj_mark_overdue_meeting_tasks() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_mark_overdue_meeting_tasks() TO gongjian_app;
