-- 大走访: a time-boxed campaign of an organization in which cadres (staff,
-- part-time committee members, reported members) each take an area — a
-- grid, a building or a list of households — and visit it. A visit is the
-- grids module's own visit record; the campaign keeps only who covers what
-- and when, and its figures (households visited by the six kinds,
-- suggestions, problems solved, money spent) are counted from visits, needs
-- and funds through their services, never typed.

CREATE TABLE visit_campaigns (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  goal text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT visit_campaigns_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT visit_campaigns_dates CHECK (ends_on >= starts_on),
  CONSTRAINT visit_campaigns_name_key UNIQUE (region_id, org_id, name),
  -- Cadres reference (campaign, organization) together, so they move with it.
  CONSTRAINT visit_campaigns_org_key UNIQUE (region_id, id, org_id)
);
CREATE INDEX visit_campaigns_id ON visit_campaigns (id);
CREATE INDEX visit_campaigns_org ON visit_campaigns (org_id);
SELECT gj_protect_table('visit_campaigns', 'org_id');

-- A cadre's assignment: one area. The cadre's own account (user_id) reads it.
CREATE TABLE campaign_cadres (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  campaign_id bigint NOT NULL,
  cadre_kind text NOT NULL CHECK (cadre_kind IN ('staff', 'committee_member', 'reported_member')),
  name text NOT NULL CHECK (btrim(name) <> ''),
  person_id bigint,
  user_id bigint,
  area_kind text NOT NULL CHECK (area_kind IN ('grid', 'building', 'households')),
  grid_id bigint,
  building_id bigint,
  household_ids bigint[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT campaign_cadres_campaign_fkey FOREIGN KEY (region_id, campaign_id, org_id) REFERENCES visit_campaigns (region_id, id, org_id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT campaign_cadres_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT campaign_cadres_grid_fkey FOREIGN KEY (region_id, grid_id) REFERENCES grids (region_id, id),
  CONSTRAINT campaign_cadres_building_fkey FOREIGN KEY (region_id, building_id) REFERENCES buildings (region_id, id),
  CONSTRAINT campaign_cadres_area CHECK (
    CASE area_kind
      WHEN 'grid' THEN grid_id IS NOT NULL AND building_id IS NULL AND household_ids = '{}'
      WHEN 'building' THEN building_id IS NOT NULL AND household_ids = '{}'
      ELSE cardinality(household_ids) BETWEEN 1 AND 500
    END)
);
CREATE INDEX campaign_cadres_id ON campaign_cadres (id);
CREATE INDEX campaign_cadres_campaign ON campaign_cadres (campaign_id);
CREATE INDEX campaign_cadres_user ON campaign_cadres (user_id) WHERE user_id IS NOT NULL;
-- One cadre, one area of a kind per campaign: assigning the same again is a mistake, not a second area.
CREATE UNIQUE INDEX campaign_cadres_area_key ON campaign_cadres (region_id, campaign_id, name, area_kind, coalesce(grid_id, 0), coalesce(building_id, 0), household_ids);
SELECT gj_protect_table('campaign_cadres', 'org_id', owner_col => 'user_id');

-- The cadre's phone page lists their own assignments with the campaign's
-- name and dates: a reported member sees no campaign of the community, so
-- the campaign's row is read here for the assignments that name them only.
CREATE FUNCTION gj_my_campaign_cadres() RETURNS TABLE (
  id bigint, campaign_id bigint, campaign_name text, starts_on date, ends_on date, cadre_kind text, name text,
  area_kind text, grid_id bigint, building_id bigint, household_ids bigint[]
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, c.campaign_id, v.name, v.starts_on, v.ends_on, c.cadre_kind, c.name, c.area_kind, c.grid_id, c.building_id, c.household_ids
    FROM campaign_cadres c JOIN visit_campaigns v ON v.region_id = c.region_id AND v.id = c.campaign_id
   WHERE c.user_id = gj_user_id()
   ORDER BY v.ends_on DESC, c.id
$$;
REVOKE ALL ON FUNCTION gj_my_campaign_cadres() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_my_campaign_cadres() TO gongjian_app;
