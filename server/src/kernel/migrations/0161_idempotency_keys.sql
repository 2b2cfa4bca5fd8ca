-- Idempotency-Key: a phone that retries a create (the answer was lost on a
-- weak network) gets the first result instead of a second record. The key is
-- claimed in the same transaction as the create, so of two requests with one
-- key the second waits on the primary key until the first commits, then
-- answers with its stored result; if the first rolls back the second runs.
-- Keys are the caller's own: row-level security by user, like a session.
CREATE TABLE idempotency_keys (
  user_id bigint NOT NULL,
  key text NOT NULL,
  request text NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_own ON idempotency_keys USING (user_id = gj_user_id()) WITH CHECK (user_id = gj_user_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO gongjian_app;
