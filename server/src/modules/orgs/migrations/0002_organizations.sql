-- The organization tree (隶属关系) and resident units. The tree is a
-- materialized ltree path of ids, so "everything under this street" is one
-- indexed predicate: path <@ '<street path>'.

CREATE TABLE organizations (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  parent_id bigint,
  path ltree NOT NULL,
  kind text NOT NULL CHECK (kind IN (
    'district_committee', 'street_committee', 'community_committee', 'comprehensive_committee',
    'joint_committee', 'administrative_group', 'residential_committee', 'enterprise_joint_committee',
    'unit_committee', 'grid_branch', 'building_group', 'activity_group', 'caring_group', 'member_household')),
  name text NOT NULL CHECK (btrim(name) <> ''),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT organizations_parent_fkey FOREIGN KEY (region_id, parent_id) REFERENCES organizations (region_id, id),
  CONSTRAINT organizations_parent_name_key UNIQUE (region_id, parent_id, name)
);
CREATE INDEX organizations_id ON organizations (id);
CREATE INDEX organizations_parent ON organizations (parent_id);
CREATE INDEX organizations_path ON organizations USING gist (path);
CREATE INDEX organizations_name_trgm ON organizations USING gin (name gin_trgm_ops);

-- Path and region follow from the parent. The parent is read with the
-- caller's rights, so one cannot attach a child to an organization one
-- cannot see.
CREATE FUNCTION gj_org_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE parent organizations;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.region_id := NEW.id;
    NEW.path := NEW.id::text::ltree;
  ELSE
    SELECT * INTO parent FROM organizations WHERE id = NEW.parent_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'parent organization % is not in scope', NEW.parent_id USING ERRCODE = '42501';
    END IF;
    NEW.region_id := parent.region_id;
    NEW.path := parent.path || NEW.id::text;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_org_place BEFORE INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION gj_org_place();

-- Moving subtrees is the organization module's own feature (a later
-- migration); until then the tree edge cannot change.
CREATE FUNCTION gj_org_fixed_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.path <> OLD.path OR NEW.region_id <> OLD.region_id THEN
    RAISE EXCEPTION 'organizations cannot be moved yet' USING ERRCODE = '22023';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_org_fixed_place BEFORE UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION gj_org_fixed_place();

-- The organization table is the one table whose scope is its own path; roles
-- bound to a single node (liaison, member, resident) see just that node.
-- No DELETE grant: organizations are dissolved, never deleted.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON organizations TO gongjian_app;
CREATE POLICY gj_read ON organizations FOR SELECT TO gongjian_app
  USING (path <@ ANY (gj_read_paths()) OR id = ANY (gj_node_ids()));
CREATE POLICY gj_insert ON organizations FOR INSERT TO gongjian_app
  WITH CHECK (path <@ ANY (gj_read_paths()));
CREATE POLICY gj_update ON organizations FOR UPDATE TO gongjian_app
  USING (path <@ ANY (gj_read_paths())) WITH CHECK (path <@ ANY (gj_read_paths()));
CREATE TRIGGER gj_audit AFTER INSERT OR UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION gj_audit('id');

-- Units (驻区单位, enterprises, social organizations, departments) are not
-- party organizations; each is located under one organization of the tree
-- (its community, or the street/district for departments).
CREATE TABLE units (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('co_building', 'enterprise', 'social_org', 'department')),
  name text NOT NULL CHECK (btrim(name) <> ''),
  party_org_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT units_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT units_party_org_fkey FOREIGN KEY (region_id, party_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT units_org_name_key UNIQUE (region_id, org_id, name)
);
CREATE INDEX units_id ON units (id);
CREATE INDEX units_org ON units (org_id);
SELECT gj_protect_table('units', 'org_id', unit_col => 'id');
