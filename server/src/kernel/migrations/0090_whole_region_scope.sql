-- A caller whose scope holds a whole region (the district organization
-- department, at the root) may read every row of that region. The standard
-- policies find rows by "org_id IN (every organization under the caller's
-- paths)", which for a whole region hashes 10^5 organizations in every
-- statement (bench/README.md: coverage, names, overdue). Rows carry their
-- region, taken from their organization on insert and held to it by the
-- composite keys, so for such callers "region_id = the root" says the same
-- and costs nothing: the hash is never built. Only the USING side changes; a
-- written row is still checked against the caller's organizations.
CREATE FUNCTION gj_whole_regions(paths ltree[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT coalesce(array_agg(ltree2text(p)::bigint), '{}') FROM unnest(paths) p WHERE nlevel(p) = 1 $$;

CREATE FUNCTION gj_scope_whole_regions(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE p record; paths_fn text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = tbl AND attname = 'region_id' AND NOT attisdropped) THEN RETURN; END IF;
  FOR p IN SELECT pol.polname, pg_get_expr(pol.polqual, pol.polrelid) AS qual FROM pg_policy pol
            WHERE pol.polrelid = tbl AND pol.polname IN ('gj_read', 'gj_update', 'gj_delete') AND pol.polqual IS NOT NULL
  LOOP
    CONTINUE WHEN p.qual LIKE '%gj_whole_regions%' OR p.qual NOT LIKE '%FROM organizations o%';
    paths_fn := CASE WHEN p.qual LIKE '%gj_admin_paths()%' THEN 'gj_admin_paths' ELSE 'gj_read_paths' END;
    -- The scalar subquery makes the region list an init plan, computed once per statement.
    EXECUTE format('ALTER POLICY %I ON %s USING (region_id = ANY ((SELECT gj_whole_regions(%s()))::bigint[]) OR (%s))', p.polname, tbl, paths_fn, p.qual);
  END LOOP;
END $$;

SELECT gj_scope_whole_regions(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity;

-- Tables protected from now on get the same.
ALTER FUNCTION gj_protect_table(regclass, text, text, text, text, boolean, boolean, text[], boolean, text) RENAME TO gj_protect_table_policies;
CREATE FUNCTION gj_protect_table(
  tbl regclass, org_col text,
  paths_fn text DEFAULT 'gj_read_paths',
  unit_col text DEFAULT NULL, owner_col text DEFAULT NULL,
  unit_writes boolean DEFAULT false, owner_writes boolean DEFAULT false,
  masked text[] DEFAULT '{}', read_only boolean DEFAULT false,
  other_org_col text DEFAULT NULL
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM gj_protect_table_policies(tbl, org_col, paths_fn, unit_col, owner_col, unit_writes, owner_writes, masked, read_only, other_org_col);
  PERFORM gj_scope_whole_regions(tbl);
END $$;
