-- Grids (网格化): a community is divided into grids, each with a boundary on
-- the community's map, buildings with entrances, households, the people
-- answerable for it (六包干, 五员), duty posts (设岗定责), visits (走访,
-- 民情日记) with visit plans (三必访), and its two books (二簿).
--
-- Every row of a grid names the grid's organization in org_id: its grid
-- branch, or the community while the grid has no branch. Row-level security
-- then shows the grid's rows to the workers granted on that branch and to the
-- community above it, and to no other grid's workers. When a branch is
-- linked later, the grid's rows move to it in the same transaction
-- (service.ts, setBranch).

CREATE TABLE grids (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  community_id bigint NOT NULL,
  branch_id bigint,
  org_id bigint NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  theme text,
  -- A GeoJSON Polygon in the community map's plane (x right, y up, 0..1000 × 0..700).
  boundary jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT grids_community_fkey FOREIGN KEY (region_id, community_id) REFERENCES organizations (region_id, id),
  CONSTRAINT grids_branch_fkey FOREIGN KEY (region_id, branch_id) REFERENCES organizations (region_id, id),
  CONSTRAINT grids_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT grids_org_follows_branch CHECK (org_id = coalesce(branch_id, community_id)),
  CONSTRAINT grids_name_key UNIQUE (region_id, community_id, name),
  CONSTRAINT grids_branch_key UNIQUE (region_id, branch_id),
  -- Children reference (grid, organization) together, so a child's org_id is always its grid's.
  CONSTRAINT grids_org_key UNIQUE (region_id, id, org_id)
);
CREATE INDEX grids_id ON grids (id);
CREATE INDEX grids_community ON grids (community_id);
CREATE INDEX grids_org ON grids (org_id);
SELECT gj_protect_table('grids', 'org_id');

-- ON UPDATE CASCADE on (grid, org): relinking a grid's branch moves every row of the grid with it.
CREATE TABLE buildings (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  community_id bigint NOT NULL,
  grid_id bigint NOT NULL,
  org_id bigint NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  entrances int NOT NULL DEFAULT 1 CHECK (entrances BETWEEN 1 AND 30),
  -- The building group (楼栋党小组) that covers it, if any.
  group_id bigint,
  x numeric NOT NULL,
  y numeric NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT buildings_community_fkey FOREIGN KEY (region_id, community_id) REFERENCES organizations (region_id, id),
  CONSTRAINT buildings_grid_fkey FOREIGN KEY (region_id, grid_id, org_id) REFERENCES grids (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT buildings_group_fkey FOREIGN KEY (region_id, group_id) REFERENCES organizations (region_id, id),
  -- A building's name is its address within the community.
  CONSTRAINT buildings_name_key UNIQUE (region_id, community_id, name),
  CONSTRAINT buildings_grid_key UNIQUE (region_id, id, grid_id, org_id)
);
CREATE INDEX buildings_id ON buildings (id);
CREATE INDEX buildings_grid ON buildings (grid_id);
SELECT gj_protect_table('buildings', 'org_id');

-- The six tags (六清楚) a grid worker knows of each household.
CREATE TABLE households (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  community_id bigint NOT NULL,
  grid_id bigint NOT NULL,
  org_id bigint NOT NULL,
  building_id bigint,
  entrance int,
  room text,
  head_name text NOT NULL CHECK (btrim(head_name) <> ''),
  size int NOT NULL DEFAULT 1 CHECK (size BETWEEN 1 AND 30),
  address_enc text NOT NULL,
  address_mask text NOT NULL,
  -- One household, one grid: the address is matched across the whole
  -- community, including grids the caller cannot see.
  address_hash text NOT NULL,
  phone_enc text,
  phone_mask text,
  tags text[] NOT NULL DEFAULT '{}' CHECK (tags <@ ARRAY['low_income', 'disabled', 'laid_off', 'empty_nest', 'party_member', 'floating']),
  free_tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT households_community_fkey FOREIGN KEY (region_id, community_id) REFERENCES organizations (region_id, id),
  CONSTRAINT households_grid_fkey FOREIGN KEY (region_id, grid_id, org_id) REFERENCES grids (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT households_building_fkey FOREIGN KEY (region_id, building_id, grid_id, org_id) REFERENCES buildings (region_id, id, grid_id, org_id) ON UPDATE CASCADE,
  CONSTRAINT households_room CHECK ((building_id IS NULL) = (entrance IS NULL) AND (building_id IS NULL) = (room IS NULL)),
  CONSTRAINT households_address_key UNIQUE (region_id, community_id, address_hash),
  CONSTRAINT households_grid_key UNIQUE (region_id, id, grid_id, org_id)
);
CREATE INDEX households_id ON households (id);
CREATE INDEX households_grid ON households (grid_id);
CREATE INDEX households_org_tags ON households USING gin (tags);
SELECT gj_protect_table('households', 'org_id', masked => '{head_name, phone_mask, address_mask}');

-- 六包干 and 五员: who answers for a grid, and the members holding its roles.
CREATE TABLE grid_roles (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  grid_id bigint NOT NULL,
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  role text NOT NULL CHECK (role IN ('responsible_member', 'branch_secretary', 'info_reporter', 'patrol', 'mediator', 'sanitation_monitor', 'youth_mentor')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT grid_roles_grid_fkey FOREIGN KEY (region_id, grid_id, org_id) REFERENCES grids (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT grid_roles_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT grid_roles_key UNIQUE (region_id, grid_id, person_id, role)
);
CREATE UNIQUE INDEX grid_roles_answerable_key ON grid_roles (region_id, grid_id, role) WHERE role IN ('responsible_member', 'branch_secretary');
CREATE INDEX grid_roles_id ON grid_roles (id);
CREATE INDEX grid_roles_grid ON grid_roles (grid_id);
SELECT gj_protect_table('grid_roles', 'org_id');

-- 设岗定责: duty posts of a grid, optionally held by a member.
CREATE TABLE duty_posts (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  grid_id bigint NOT NULL,
  org_id bigint NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  duty text,
  person_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT duty_posts_grid_fkey FOREIGN KEY (region_id, grid_id, org_id) REFERENCES grids (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT duty_posts_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT duty_posts_name_key UNIQUE (region_id, grid_id, name)
);
CREATE INDEX duty_posts_id ON duty_posts (id);
SELECT gj_protect_table('duty_posts', 'org_id');

-- Resident units brought into a grid (定福里: four units in the grid).
CREATE TABLE grid_units (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  grid_id bigint NOT NULL,
  org_id bigint NOT NULL,
  unit_id bigint NOT NULL,
  PRIMARY KEY (region_id, id),
  CONSTRAINT grid_units_grid_fkey FOREIGN KEY (region_id, grid_id, org_id) REFERENCES grids (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT grid_units_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT grid_units_key UNIQUE (region_id, unit_id)
);
CREATE INDEX grid_units_id ON grid_units (id);
SELECT gj_protect_table('grid_units', 'org_id');

-- 走访 / 民情日记. The household fixes the grid: a visit outside one's grid
-- cannot name a household one cannot see, and the foreign key keeps grid and
-- organization those of the household.
CREATE TABLE visits (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  grid_id bigint NOT NULL,
  org_id bigint NOT NULL,
  household_id bigint NOT NULL,
  visitor_user_id bigint,
  visitor_name text NOT NULL,
  visited_on date NOT NULL,
  learned text NOT NULL CHECK (btrim(learned) <> ''),
  follow_up text,
  -- The need raised from this visit (needs module), if any.
  need_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT visits_household_fkey FOREIGN KEY (region_id, household_id, grid_id, org_id) REFERENCES households (region_id, id, grid_id, org_id) ON UPDATE CASCADE,
  CONSTRAINT visits_not_future CHECK (visited_on <= current_date)
);
CREATE INDEX visits_id ON visits (id);
CREATE INDEX visits_household ON visits (household_id, visited_on DESC);
CREATE INDEX visits_grid_on ON visits (grid_id, visited_on);
SELECT gj_protect_table('visits', 'org_id');

-- 三必访: "households with this tag are visited every N days". A plan is the
-- community's, and its grid workers must read it although their scope is
-- only their grid: a second read policy lets anyone whose scope lies under
-- the community read its plans. A path is the ids of its ancestors, so that
-- needs no lookup.
CREATE TABLE visit_plans (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  tag text NOT NULL CHECK (tag IN ('low_income', 'disabled', 'laid_off', 'empty_nest', 'party_member', 'floating')),
  every_days int NOT NULL CHECK (every_days BETWEEN 1 AND 366),
  starts_on date NOT NULL DEFAULT current_date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT visit_plans_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT visit_plans_tag_key UNIQUE (region_id, org_id, tag)
);
CREATE INDEX visit_plans_id ON visit_plans (id);
SELECT gj_protect_table('visit_plans', 'org_id');

CREATE FUNCTION gj_read_ancestor_ids() RETURNS bigint[] LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(DISTINCT a::bigint), '{}') FROM unnest(gj_read_paths()) p, unnest(string_to_array(p::text, '.')) a $$;
CREATE POLICY gj_read_from_below ON visit_plans FOR SELECT TO gongjian_app USING (org_id = ANY (gj_read_ancestor_ids()));

-- 二簿: the suggestions book and the activities book of a grid.
CREATE TABLE grid_book_entries (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  grid_id bigint NOT NULL,
  org_id bigint NOT NULL,
  book text NOT NULL CHECK (book IN ('suggestions', 'activities')),
  entered_on date NOT NULL,
  title text NOT NULL CHECK (btrim(title) <> ''),
  content text,
  person_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT grid_book_entries_grid_fkey FOREIGN KEY (region_id, grid_id, org_id) REFERENCES grids (region_id, id, org_id) ON UPDATE CASCADE
);
CREATE INDEX grid_book_entries_id ON grid_book_entries (id);
CREATE INDEX grid_book_entries_grid ON grid_book_entries (grid_id, book, entered_on DESC);
SELECT gj_protect_table('grid_book_entries', 'org_id');

-- The base image of a community's grid map (a scanned plan or a drawing):
-- the map works offline, without tiles. Read from below like the plans.
CREATE TABLE grid_base_maps (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  image text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT grid_base_maps_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT grid_base_maps_org_key UNIQUE (region_id, org_id)
);
CREATE INDEX grid_base_maps_id ON grid_base_maps (id);
SELECT gj_protect_table('grid_base_maps', 'org_id');
CREATE POLICY gj_read_from_below ON grid_base_maps FOR SELECT TO gongjian_app USING (org_id = ANY (gj_read_ancestor_ids()));
