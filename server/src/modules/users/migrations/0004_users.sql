-- Accounts, their role grants, and sessions.
-- In a distributed deployment users and grants are small reference tables;
-- they still carry region_id like every other row.

CREATE TABLE users (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The organization that manages the account; its admins see and edit it.
  org_id bigint NOT NULL,
  username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
  display_name text NOT NULL CHECK (btrim(display_name) <> ''),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT users_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id)
);
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE INDEX users_id ON users (id);
CREATE INDEX users_org ON users (org_id);
SELECT gj_protect_table('users', 'org_id', paths_fn => 'gj_admin_paths', owner_col => 'id');

CREATE TABLE user_grants (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  user_id bigint NOT NULL,
  role text NOT NULL CHECK (role IN ('district_admin', 'street_admin', 'community_secretary', 'grid_worker', 'unit_liaison', 'member', 'resident')),
  org_id bigint NOT NULL,
  unit_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT user_grants_user_fkey FOREIGN KEY (region_id, user_id) REFERENCES users (region_id, id) ON DELETE CASCADE,
  CONSTRAINT user_grants_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT user_grants_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT user_grants_unit_check CHECK ((role = 'unit_liaison') = (unit_id IS NOT NULL)),
  CONSTRAINT user_grants_unique UNIQUE (region_id, user_id, role, org_id)
);
CREATE INDEX user_grants_user ON user_grants (user_id);
CREATE INDEX user_grants_org ON user_grants (org_id);
SELECT gj_protect_table('user_grants', 'org_id', paths_fn => 'gj_admin_paths', owner_col => 'user_id');

-- Sessions live in the database so that any app instance behind a load
-- balancer serves any request. Only a hash of the token is stored. The
-- application role has no access: sessions are the kernel's business.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
