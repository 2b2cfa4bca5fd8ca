-- Kernel: extensions, the application role, the scope functions that every
-- row-level-security policy reads, the audit log, and sessions.

CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Requests run as this role (SET LOCAL ROLE), so row-level security applies to
-- them. Roles are cluster-wide: several databases (tests, tenants) share it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gongjian_app') THEN
    CREATE ROLE gongjian_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'gongjian_app', 'MEMBER') THEN
    EXECUTE format('GRANT gongjian_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO gongjian_app;

-- The scope of the current transaction, set by the kernel (scope.ts). Unset
-- means empty: a query that runs without a scope sees nothing. They only read
-- settings, which parallel workers receive, so they do not rule out parallel plans.
CREATE FUNCTION gj_paths(setting text) RETURNS ltree[] LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(nullif(current_setting(setting, true), ''), '{}')::ltree[] $$;
CREATE FUNCTION gj_ids(setting text) RETURNS bigint[] LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(nullif(current_setting(setting, true), ''), '{}')::bigint[] $$;
CREATE FUNCTION gj_read_paths() RETURNS ltree[] LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT gj_paths('gj.read_paths') $$;
CREATE FUNCTION gj_admin_paths() RETURNS ltree[] LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT gj_paths('gj.admin_paths') $$;
CREATE FUNCTION gj_unit_ids() RETURNS bigint[] LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT gj_ids('gj.unit_ids') $$;
CREATE FUNCTION gj_node_ids() RETURNS bigint[] LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT gj_ids('gj.node_ids') $$;
CREATE FUNCTION gj_user_id() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('gj.user_id', true), '')::bigint $$;

-- Audit log: written only by the trigger below (the application role may read
-- it through its policy but never write it), so every write is recorded and
-- no request can forge or erase an entry.
CREATE TABLE audit_log (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id bigint,
  actor_name text,
  org_id bigint,
  action text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  entity text NOT NULL,
  entity_id bigint,
  before jsonb,
  after jsonb,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX audit_log_org_at ON audit_log (org_id, at DESC);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- Personal data never reaches the log in clear: columns named *_enc (encrypted)
-- or *_hash, and those a table lists, are replaced by a mark.
CREATE FUNCTION gj_mask(doc jsonb, masked text[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE k text;
BEGIN
  IF doc IS NULL THEN RETURN NULL; END IF;
  FOR k IN SELECT jsonb_object_keys(doc) LOOP
    IF (k LIKE '%\_enc' OR k LIKE '%\_hash' OR k = ANY (masked)) AND doc -> k <> 'null'::jsonb THEN
      doc := jsonb_set(doc, ARRAY[k], '"***"');
    END IF;
  END LOOP;
  RETURN doc;
END $$;

-- TG_ARGV[0]: the column holding the row's organization; the rest: masked columns.
CREATE FUNCTION gj_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  b jsonb; a jsonb; r jsonb;
  masked text[] := coalesce(TG_ARGV[1:], '{}');
BEGIN
  IF TG_OP <> 'INSERT' THEN b := gj_mask(to_jsonb(OLD), masked); END IF;
  IF TG_OP <> 'DELETE' THEN a := gj_mask(to_jsonb(NEW), masked); END IF;
  IF TG_OP = 'UPDATE' AND a = b THEN RETURN NULL; END IF;
  r := coalesce(to_jsonb(NEW), to_jsonb(OLD));
  INSERT INTO audit_log (region_id, actor_user_id, actor_name, org_id, action, entity, entity_id, before, after)
  VALUES ((r ->> 'region_id')::bigint, gj_user_id(), nullif(current_setting('gj.user_name', true), ''), (r ->> TG_ARGV[0])::bigint, lower(TG_OP),
          TG_TABLE_NAME, (r ->> 'id')::bigint, b, a);
  RETURN NULL;
END $$;

-- The one place that decides who may see and change a domain table's rows.
-- Every module migration calls it for each of its tables; the kernel test
-- "every table the application role can touch has row-level security" keeps
-- it that way.
--   org_col:       the row's organization; staff see and change rows in their subtrees
--   other_org_col: a second organization the row also belongs to (a transfer's receiving side)
--   paths_fn:      which subtrees: gj_read_paths (staff) or gj_admin_paths (admins)
--   unit_col:      rows of a resident unit are also visible to its liaison
--   owner_col:     a user id; rows are also visible to that user
--   *_writes:      whether the unit's liaison / the owner may also change those rows
--   masked:        columns hidden in the audit log
CREATE FUNCTION gj_protect_table(
  tbl regclass, org_col text,
  paths_fn text DEFAULT 'gj_read_paths',
  unit_col text DEFAULT NULL, owner_col text DEFAULT NULL,
  unit_writes boolean DEFAULT false, owner_writes boolean DEFAULT false,
  masked text[] DEFAULT '{}', read_only boolean DEFAULT false,
  other_org_col text DEFAULT NULL
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  in_subtree text := format('%I IN (SELECT o.id FROM organizations o WHERE o.path <@ ANY (%s()))', org_col, paths_fn);
  in_other text := CASE WHEN other_org_col IS NULL THEN NULL
                   ELSE format('%I IN (SELECT o.id FROM organizations o WHERE o.path <@ ANY (%s()))', other_org_col, paths_fn) END;
  by_unit text := CASE WHEN unit_col IS NULL THEN NULL ELSE format('%I = ANY (gj_unit_ids())', unit_col) END;
  by_owner text := CASE WHEN owner_col IS NULL THEN NULL ELSE format('%I = gj_user_id()', owner_col) END;
  can_read text := concat_ws(' OR ', in_subtree, in_other, by_unit, by_owner);
  can_write text := concat_ws(' OR ', in_subtree, in_other,
                              CASE WHEN unit_writes THEN by_unit END,
                              CASE WHEN owner_writes THEN by_owner END);
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  IF NOT read_only THEN PERFORM gj_protect_region(tbl, org_col); END IF;
  EXECUTE format('CREATE POLICY gj_read ON %s FOR SELECT TO gongjian_app USING (%s)', tbl, can_read);
  IF read_only THEN
    EXECUTE format('GRANT SELECT ON %s TO gongjian_app', tbl);
  ELSE
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO gongjian_app', tbl);
    EXECUTE format('CREATE POLICY gj_insert ON %s FOR INSERT TO gongjian_app WITH CHECK (%s)', tbl, can_write);
    EXECUTE format('CREATE POLICY gj_update ON %s FOR UPDATE TO gongjian_app USING (%s) WITH CHECK (%s)', tbl, can_write, can_write);
    EXECUTE format('CREATE POLICY gj_delete ON %s FOR DELETE TO gongjian_app USING (%s)', tbl, can_write);
    EXECUTE format('CREATE TRIGGER gj_audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION gj_audit(%s)',
                   tbl, array_to_string(ARRAY(SELECT quote_literal(x) FROM unnest(org_col || masked) x), ', '));
  END IF;
END $$;

-- Every domain row carries its region (the root organization), so a
-- distributed PostgreSQL can shard by it. Rows name their organization; the
-- region follows from it, here, rather than in each service. It runs with the
-- definer's rights because some rows name an organization outside the
-- caller's scope on purpose (a unit registers its members at any community);
-- whether the caller may write the row is still decided by its policy.
CREATE FUNCTION gj_region_from_org() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  org bigint := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
  r bigint;
BEGIN
  IF org IS NULL THEN RETURN NEW; END IF;
  SELECT region_id INTO r FROM organizations WHERE id = org;
  IF r IS NULL THEN
    RAISE EXCEPTION 'organization % does not exist', org USING ERRCODE = '23503';
  END IF;
  NEW.region_id := r;
  RETURN NEW;
END $$;

CREATE FUNCTION gj_protect_region(tbl regclass, org_col text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER gj_region BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION gj_region_from_org(%L)', tbl, org_col);
END $$;
