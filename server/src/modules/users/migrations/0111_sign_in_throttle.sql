-- Sign-in throttling (users/auth.ts). An account's failures stay on its row
-- (admins see "locked" and clear it); a name that is no account and a client
-- address are counted here, so that an unknown name is answered exactly as a
-- known one and one address cannot try many accounts. Keys are hashes; the
-- application role has no access: like sessions, this is sign-in's business.
CREATE TABLE sign_in_throttles (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  last_failed_at timestamptz,
  blocked_until timestamptz
);
CREATE INDEX sign_in_throttles_last ON sign_in_throttles (last_failed_at);

-- Failures are forgotten a while after the last one, so a few typos a month
-- never add up to a wait.
ALTER TABLE users ADD COLUMN last_failed_login_at timestamptz;
