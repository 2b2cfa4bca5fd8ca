-- The public alliance page (联盟公开页): what a street's or a community's
-- alliance offers residents, readable without signing in. A page is off until
-- its organization's staff turn a section on (no row, or no section: no page);
-- a street's page shows its communities too, each section as the nearest
-- organization with a page at or above the row decides, so a community that
-- keeps a section to itself keeps it off its street's page as well.
CREATE TABLE alliance_pages (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  -- An address easier to print than the id (/alliance/guangming).
  slug text CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
  sections text[] NOT NULL DEFAULT '{}' CHECK (sections <@ ARRAY['activities', 'venues', 'projects', 'wishes', 'units']),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT alliance_pages_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT alliance_pages_org_key UNIQUE (region_id, org_id)
);
CREATE INDEX alliance_pages_id ON alliance_pages (id);
CREATE INDEX alliance_pages_org ON alliance_pages (org_id);
-- One address names one page across the server: links are shared outside a region.
CREATE UNIQUE INDEX alliance_pages_slug_key ON alliance_pages (slug) WHERE slug IS NOT NULL;
SELECT gj_protect_table('alliance_pages', 'org_id');

-- Requests to the public page per client address and minute. Not a domain
-- table: it names no organization, is granted to nobody and is written only
-- by gj_alliance_hit below.
CREATE TABLE alliance_page_hits (
  client_hash text NOT NULL,
  minute timestamptz NOT NULL,
  hits int NOT NULL DEFAULT 1,
  PRIMARY KEY (client_hash, minute)
);
CREATE INDEX alliance_page_hits_minute ON alliance_page_hits (minute);
REVOKE ALL ON alliance_page_hits FROM PUBLIC;

-- Counts one request of a client (a hash of the address the server saw, which
-- the client cannot choose: X-Forwarded-For is believed only from a configured
-- proxy) and answers whether it is within the limit for this minute. Kept in
-- the database, so every app server counts the same requests.
CREATE FUNCTION gj_alliance_hit(p_client text, p_per_minute int) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n int;
BEGIN
  DELETE FROM alliance_page_hits WHERE minute < date_trunc('minute', now()) - interval '2 minutes';
  INSERT INTO alliance_page_hits (client_hash, minute) VALUES (p_client, date_trunc('minute', now()))
    ON CONFLICT (client_hash, minute) DO UPDATE SET hits = alliance_page_hits.hits + 1
    RETURNING hits INTO n;
  RETURN n <= p_per_minute;
END $$;
REVOKE ALL ON FUNCTION gj_alliance_hit(text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_alliance_hit(text, int) TO gongjian_app;

-- The organizations whose rows a page shows in a section: the page's subtree,
-- each organization as the nearest page at or above it (within the subtree)
-- decides.
CREATE FUNCTION gj_alliance_orgs(p_page_org bigint, p_section text) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(o.id), '{}')
    FROM org_labels top JOIN org_labels o ON o.path <@ top.path AND o.status = 'active'
   WHERE top.id = p_page_org
     AND (SELECT p_section = ANY (ap.sections)
            FROM alliance_pages ap JOIN org_labels a ON a.id = ap.org_id
           WHERE a.path @> o.path AND a.path <@ top.path
           ORDER BY nlevel(a.path) DESC LIMIT 1)
$$;
REVOKE ALL ON FUNCTION gj_alliance_orgs(bigint, text) FROM PUBLIC;

-- The whole public page, by the organization's id or the page's address, or
-- NULL where there is no page. This is the only door of the public scope: it
-- reads nothing but what the owners publish for the public (gj_public_*,
-- granted to nobody) and only the sections the page turned on.
CREATE FUNCTION gj_alliance_public(p_key text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  page record;
  on_ text[];
BEGIN
  SELECT ap.org_id, ap.slug, ap.sections, ap.updated_at, o.name, o.kind INTO page
    FROM alliance_pages ap JOIN org_labels o ON o.id = ap.org_id
   WHERE (ap.slug = p_key OR ap.org_id::text = p_key) AND o.status = 'active' AND cardinality(ap.sections) > 0;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  on_ := page.sections;
  RETURN jsonb_build_object(
    'orgId', page.org_id, 'slug', page.slug, 'name', page.name, 'kind', page.kind, 'sections', to_jsonb(on_),
    'activities', CASE WHEN 'activities' = ANY (on_) THEN gj_public_activities(gj_alliance_orgs(page.org_id, 'activities')) END,
    'venues', CASE WHEN 'venues' = ANY (on_) THEN gj_public_venues(gj_alliance_orgs(page.org_id, 'venues')) END,
    'projects', CASE WHEN 'projects' = ANY (on_) THEN gj_public_projects(gj_alliance_orgs(page.org_id, 'projects')) END,
    'wishes', CASE WHEN 'wishes' = ANY (on_) THEN gj_public_wishes(gj_alliance_orgs(page.org_id, 'wishes')) END,
    'units', CASE WHEN 'units' = ANY (on_) THEN (
      SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name, 'kind', u.kind) ORDER BY u.name), '[]')
        FROM unit_labels u WHERE u.org_id = ANY (gj_alliance_orgs(page.org_id, 'units'))) END,
    'pledges', CASE WHEN 'units' = ANY (on_) THEN gj_public_unit_pledges(gj_alliance_orgs(page.org_id, 'units')) END);
END $$;
REVOKE ALL ON FUNCTION gj_alliance_public(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_alliance_public(text) TO gongjian_app;
