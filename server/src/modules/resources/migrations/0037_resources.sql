-- Resources list (资源清单) and venues (阵地): what units and communities offer
-- to the area. A resource sits in the list of the organization where it is
-- offered (a community or one of its grids); a unit's resource also names the
-- unit, whose liaison keeps it up to date.
CREATE TABLE resources (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  -- NULL: the community (or grid) offers it itself.
  unit_id bigint,
  kind text NOT NULL CHECK (kind IN ('venue', 'fund', 'service', 'talent', 'goods')),
  category text NOT NULL,
  name text NOT NULL,
  description text,
  conditions text,
  availability text,
  quantity numeric CHECK (quantity IS NULL OR quantity >= 0),
  quantity_unit text,
  contact_name text,
  contact_phone_enc text,
  contact_phone_mask text,
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'paused', 'withdrawn')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  -- Venues name their resource together with its organization and unit, so the two cannot drift apart.
  UNIQUE (region_id, id, org_id),
  CONSTRAINT resources_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT resources_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT resources_quantity_unit CHECK (quantity IS NULL OR quantity_unit IS NOT NULL)
);
CREATE INDEX resources_id ON resources (id);
CREATE INDEX resources_org ON resources (org_id, kind, category);
CREATE INDEX resources_unit ON resources (unit_id) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX resources_name_key ON resources (region_id, org_id, coalesce(unit_id, 0), kind, name) WHERE status <> 'withdrawn';
SELECT gj_protect_table('resources', 'org_id', unit_col => 'unit_id', unit_writes => true);

-- Seeing a contact phone in clear is recorded, like a person's file.
CREATE TABLE resource_reveals (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  resource_id bigint NOT NULL,
  user_id bigint NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT resource_reveals_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT resource_reveals_resource_fkey FOREIGN KEY (region_id, resource_id) REFERENCES resources (region_id, id)
);
CREATE INDEX resource_reveals_id ON resource_reveals (id);
CREATE INDEX resource_reveals_resource ON resource_reveals (resource_id);
SELECT gj_protect_table('resource_reveals', 'org_id');

-- A venue is a resource of kind venue with a place, a capacity and opening
-- hours (梅河口 "6+1+7+n": service windows, the reception desk, basic
-- function rooms, special rooms; units' courts, meeting rooms, libraries).
-- Opening hours are wall-clock times in the region's time zone.
CREATE TABLE venues (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  resource_id bigint NOT NULL,
  org_id bigint NOT NULL,
  unit_id bigint,
  venue_type text NOT NULL CHECK (venue_type IN ('service_window', 'reception', 'function_room', 'special_room', 'court', 'meeting_room', 'library', 'activity_center')),
  capacity integer CHECK (capacity IS NULL OR capacity > 0),
  location text,
  -- ISO weekdays, 1 = Monday.
  open_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5,6,7}' CHECK (open_days <@ '{1,2,3,4,5,6,7}' AND cardinality(open_days) > 0),
  opens_at time NOT NULL,
  closes_at time NOT NULL,
  -- Windows and the reception desk are staffed counters, not rooms one books.
  bookable boolean NOT NULL DEFAULT true,
  needs_approval boolean NOT NULL DEFAULT false,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, resource_id),
  -- Bookings name the venue together with its organization.
  UNIQUE (region_id, id, org_id),
  CONSTRAINT venues_resource_fkey FOREIGN KEY (region_id, resource_id, org_id) REFERENCES resources (region_id, id, org_id),
  CONSTRAINT venues_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT venues_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT venues_hours CHECK (closes_at > opens_at)
);
CREATE INDEX venues_id ON venues (id);
CREATE INDEX venues_org ON venues (org_id);
CREATE INDEX venues_unit ON venues (unit_id) WHERE unit_id IS NOT NULL;
SELECT gj_protect_table('venues', 'org_id', unit_col => 'unit_id', unit_writes => true);

-- A venue's unit and kind follow its resource.
CREATE FUNCTION gj_venue_matches_resource() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r resources;
BEGIN
  SELECT * INTO r FROM resources WHERE region_id = NEW.region_id AND id = NEW.resource_id;
  IF r.kind IS DISTINCT FROM 'venue' OR r.unit_id IS DISTINCT FROM NEW.unit_id THEN
    RAISE EXCEPTION 'venue % must name a venue resource of the same unit', NEW.id
      USING ERRCODE = '23514', CONSTRAINT = 'venues_resource_kind';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_venue_matches_resource BEFORE INSERT OR UPDATE ON venues FOR EACH ROW EXECUTE FUNCTION gj_venue_matches_resource();
