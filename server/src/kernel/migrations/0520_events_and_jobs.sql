-- Domain events (an outbox) and the one job runner's queue.
--
-- An event is written by the producing module's trigger in the same
-- transaction as the change it names (a wish claimed, a need dispatched…),
-- so no change goes unannounced and no announcement survives a rollback. It
-- is read under the same row rules as the records it names: the
-- organization's subtree, the unit it concerns, the person it names. Rows
-- are written only through gj_record_event, which producers' definer-rights
-- triggers call; the application role reads them and writes none. The title
-- is the record's own (a need's or task's title), never a person's number,
-- phone or address. History: events stay with the organization where they
-- happened when it is retired.
CREATE TABLE events (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  unit_id bigint,
  user_id bigint,
  kind text NOT NULL,
  subject text NOT NULL,
  subject_id bigint NOT NULL,
  title text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX events_id ON events (id);
CREATE INDEX events_org_at ON events (org_id, at);
SELECT gj_protect_table('events', 'org_id', unit_col => 'unit_id', owner_col => 'user_id', read_only => true);

CREATE FUNCTION gj_record_event(p_kind text, p_org bigint, p_unit bigint, p_user bigint, p_subject text, p_subject_id bigint, p_title text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO events (region_id, org_id, unit_id, user_id, kind, subject, subject_id, title)
  SELECT o.region_id, o.id, p_unit, p_user, p_kind, p_subject, p_subject_id, left(p_title, 200)
    FROM organizations o WHERE o.id = p_org;
END $$;
-- Producers call it from their own definer-rights triggers; no request may forge an event.
REVOKE EXECUTE ON FUNCTION gj_record_event(text, bigint, bigint, bigint, text, bigint, text) FROM PUBLIC;

-- The job runner's queue (kernel/jobs.ts): periodic jobs (one row each, by
-- key) and one-off work (a delivery). Any number of app servers claim due
-- rows with FOR UPDATE SKIP LOCKED and a lease, so each runs once; a failure
-- is retried with backoff and, past its attempts, rests in 'dead' until an
-- administrator retries it. Infrastructure: no region, no row rules, no
-- grant to the application role (the kernel reads it as the system).
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  key text UNIQUE,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead')),
  run_at timestamptz NOT NULL DEFAULT now(),
  every_ms integer CHECK (every_ms > 0),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_dead ON jobs (id) WHERE status = 'dead';

-- Work queued by a module's definer-rights trigger or function in the same
-- transaction as its cause (a delivery with its event).
CREATE FUNCTION gj_enqueue_job(p_name text, p_payload jsonb, p_run_at timestamptz DEFAULT now(), p_max_attempts integer DEFAULT 5)
RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO jobs (name, payload, run_at, max_attempts) VALUES (p_name, p_payload, p_run_at, p_max_attempts) RETURNING id
$$;
REVOKE EXECUTE ON FUNCTION gj_enqueue_job(text, jsonb, timestamptz, integer) FROM PUBLIC;
