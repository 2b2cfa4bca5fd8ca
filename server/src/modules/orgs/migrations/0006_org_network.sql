-- The organization network: attributes and history of organizations, moving
-- subtrees, sideways ties, committee seats, and fuller units.

ALTER TABLE organizations
  ADD COLUMN founded_on date,
  ADD COLUMN contact_phone text,
  ADD COLUMN address text,
  -- History is kept: an organization is merged or dissolved, never deleted.
  ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'dissolved')),
  ADD COLUMN status_on date,
  ADD COLUMN merged_into_id bigint,
  -- Search keys: pinyin initials and full pinyin of the name (set by the service).
  ADD COLUMN name_initials text NOT NULL DEFAULT '',
  ADD COLUMN name_pinyin text NOT NULL DEFAULT '',
  ADD CONSTRAINT organizations_merged_into_fkey FOREIGN KEY (region_id, merged_into_id) REFERENCES organizations (region_id, id);
CREATE INDEX organizations_initials ON organizations USING gin (name_initials gin_trgm_ops);
CREATE INDEX organizations_pinyin ON organizations USING gin (name_pinyin gin_trgm_ops);

-- Moving a subtree: the new parent is read with the caller's rights, so one
-- can only move under what one can see; the row-level-security check on the
-- new path refuses a move out of one's scope; a move under one's own
-- descendant would make a cycle and is refused. Descendants follow in the
-- same statement.
DROP TRIGGER gj_org_fixed_place ON organizations;
DROP FUNCTION gj_org_fixed_place();

CREATE FUNCTION gj_org_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE parent organizations;
BEGIN
  IF NEW.region_id <> OLD.region_id THEN
    RAISE EXCEPTION 'an organization cannot change region' USING ERRCODE = '22023';
  END IF;
  IF NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN
    -- Only the cascade below (a nested trigger) may rewrite a path.
    IF NEW.path <> OLD.path AND pg_trigger_depth() < 2 THEN
      RAISE EXCEPTION 'path follows parent_id' USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.parent_id IS NULL THEN
    RAISE EXCEPTION 'an organization cannot become a region' USING ERRCODE = '22023';
  END IF;
  SELECT * INTO parent FROM organizations WHERE id = NEW.parent_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'parent organization % is not in scope', NEW.parent_id USING ERRCODE = '42501';
  END IF;
  IF parent.path <@ OLD.path THEN
    RAISE EXCEPTION 'moving % under its own descendant % makes a cycle', OLD.id, parent.id
      USING ERRCODE = '23514', CONSTRAINT = 'organizations_no_cycle';
  END IF;
  NEW.path := parent.path || NEW.id::text;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_org_move BEFORE UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION gj_org_move();

CREATE FUNCTION gj_org_move_descendants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organizations SET path = NEW.path || subpath(path, nlevel(OLD.path))
   WHERE path <@ OLD.path AND id <> NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_org_move_descendants AFTER UPDATE OF parent_id ON organizations
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION gj_org_move_descendants();

-- Units: where they are, their own party organization (if any), contact.
ALTER TABLE units
  ADD COLUMN address text,
  ADD COLUMN contact_name text,
  ADD COLUMN contact_phone text,
  ADD COLUMN note text;

-- Sideways ties (the tree edge is parent_id): from an organization to another
-- organization or to a unit.
CREATE TABLE org_ties (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('co_builds', 'guides', 'pairs_with', 'joins')),
  to_org_id bigint,
  to_unit_id bigint,
  started_on date NOT NULL,
  ended_on date,
  pledge text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT org_ties_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT org_ties_to_org_fkey FOREIGN KEY (region_id, to_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT org_ties_to_unit_fkey FOREIGN KEY (region_id, to_unit_id) REFERENCES units (region_id, id),
  CONSTRAINT org_ties_one_end CHECK ((to_org_id IS NULL) <> (to_unit_id IS NULL)),
  CONSTRAINT org_ties_not_self CHECK (to_org_id IS DISTINCT FROM org_id),
  CONSTRAINT org_ties_dates CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX org_ties_id ON org_ties (id);
CREATE INDEX org_ties_org ON org_ties (org_id);
CREATE INDEX org_ties_to_org ON org_ties (to_org_id) WHERE to_org_id IS NOT NULL;
CREATE INDEX org_ties_to_unit ON org_ties (to_unit_id) WHERE to_unit_id IS NOT NULL;
CREATE UNIQUE INDEX org_ties_active_key ON org_ties (region_id, org_id, kind, coalesce(to_org_id, 0), coalesce(to_unit_id, 0)) WHERE ended_on IS NULL;
SELECT gj_protect_table('org_ties', 'org_id');

-- Committee seats: who sits on a committee, in which role; a part-time seat
-- (兼职委员) names the unit its holder comes from.
CREATE TABLE committee_seats (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  person_id bigint NOT NULL,
  role text NOT NULL CHECK (role IN ('secretary', 'deputy', 'member')),
  part_time boolean NOT NULL DEFAULT false,
  from_unit_id bigint,
  started_on date NOT NULL,
  ended_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT committee_seats_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT committee_seats_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT committee_seats_unit_fkey FOREIGN KEY (region_id, from_unit_id) REFERENCES units (region_id, id),
  CONSTRAINT committee_seats_part_time CHECK (part_time OR from_unit_id IS NULL),
  CONSTRAINT committee_seats_dates CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX committee_seats_id ON committee_seats (id);
CREATE INDEX committee_seats_org ON committee_seats (org_id);
CREATE UNIQUE INDEX committee_seats_person_key ON committee_seats (region_id, org_id, person_id) WHERE ended_on IS NULL;
CREATE UNIQUE INDEX committee_seats_secretary_key ON committee_seats (region_id, org_id) WHERE role = 'secretary' AND ended_on IS NULL;
SELECT gj_protect_table('committee_seats', 'org_id');
