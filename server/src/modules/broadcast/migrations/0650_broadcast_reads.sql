-- The message centre (消息中心): what each person has read of the in-app
-- messages, the events they may read (kernel migration 0520). A message is
-- read when its row is here, or when its id is at or below the person's
-- "all read" mark in its region. Rows are the person's own: nobody else reads
-- or writes them, not even an administrator of their organization.

CREATE TABLE broadcast_reads (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  user_id bigint NOT NULL,
  event_id bigint NOT NULL,
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, user_id, event_id)
);
ALTER TABLE broadcast_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY broadcast_reads_own ON broadcast_reads USING (user_id = gj_user_id()) WITH CHECK (user_id = gj_user_id());
GRANT SELECT, INSERT, DELETE ON broadcast_reads TO gongjian_app;

CREATE TABLE broadcast_read_marks (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  user_id bigint NOT NULL,
  -- Every event of the region with an id at or below this one is read.
  through_event_id bigint NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, user_id)
);
ALTER TABLE broadcast_read_marks ENABLE ROW LEVEL SECURITY;
CREATE POLICY broadcast_read_marks_own ON broadcast_read_marks USING (user_id = gj_user_id()) WITH CHECK (user_id = gj_user_id());
GRANT SELECT, INSERT, UPDATE ON broadcast_read_marks TO gongjian_app;
