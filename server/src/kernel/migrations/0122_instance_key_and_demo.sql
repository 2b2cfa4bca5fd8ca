-- Facts about this database that the app checks when it starts:
--   key_fingerprint  a keyed hash of a constant under the encryption key (never the key):
--                    a start with another key is refused instead of serving
--                    undecryptable fields and blind indexes that match nothing
--   key_rotating_to  the new key's fingerprint while npm run rotate-key is under way
--   demo             the demo region was loaded: its accounts' password is public
CREATE TABLE gj_instance (
  key text PRIMARY KEY CHECK (key IN ('key_fingerprint', 'key_rotating_to', 'demo')),
  value text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now()
);

-- The demo loader writes as '演示数据'; a database that loaded it before this
-- record existed is marked from its audit log.
INSERT INTO gj_instance (key, value)
SELECT 'demo', min(at)::text FROM audit_log WHERE actor_name = '演示数据' HAVING count(*) > 0;

-- Key rotation re-encrypts table by table in chunks; each chunk commits with
-- the last id it reached, so an interrupted rotation resumes where it stopped.
CREATE TABLE gj_key_rotation (
  tbl text PRIMARY KEY,
  last_id bigint NOT NULL,
  done boolean NOT NULL DEFAULT false
);
