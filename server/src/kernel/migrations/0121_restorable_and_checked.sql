-- A database restored from a dump must behave as the one dumped. pg_restore
-- runs with an empty search_path, and a database restored into a cluster
-- without the application role loses its grants and policies; both failures
-- are one easy-to-miss line in pg_restore's output. Two defences:

-- 1. Every trigger and helper function in plpgsql resolves names in public
-- whatever the session's search_path. The scope functions in SQL
-- (gj_read_paths…) are left as they are: a SET clause would stop PostgreSQL
-- from inlining them into every policy, and nothing evaluates them during a
-- restore.
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN
    SELECT p.oid FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
     WHERE p.pronamespace = 'public'::regnamespace AND l.lanname = 'plpgsql' AND p.proconfig IS NULL
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = public', f);
  END LOOP;
END $$;

-- 2. What row-level security and the audit rest on — tables' RLS switch,
-- policies, triggers, the application role's grants, the functions — is
-- recorded after each migration run (gj_integrity_snapshot, called by the
-- migration runner), and the app refuses to serve while any of it is missing
-- (gj_integrity_problems, also in /api/health). The record is data, so it
-- survives the dump that lost the objects.
CREATE TABLE gj_integrity_expected (
  kind text NOT NULL,
  tbl text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (kind, tbl, name)
);

CREATE FUNCTION gj_integrity_actual() RETURNS TABLE (kind text, tbl text, name text)
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT 'rls', c.relname::text, '' FROM pg_class c
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relrowsecurity
  UNION ALL
  SELECT 'policy', c.relname::text, p.polname::text FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
   WHERE c.relnamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'trigger', c.relname::text, t.tgname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
  UNION ALL
  SELECT 'grant', c.relname::text, a.privilege_type FROM pg_class c, aclexplode(c.relacl) a
   WHERE c.relnamespace = 'public'::regnamespace AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = 'gongjian_app')
  UNION ALL
  SELECT 'function', '', p.oid::regprocedure::text FROM pg_proc p
   WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'gj\_%'
$$;

CREATE FUNCTION gj_integrity_snapshot() RETURNS void LANGUAGE sql SET search_path = public AS $$
  DELETE FROM gj_integrity_expected;
  INSERT INTO gj_integrity_expected SELECT DISTINCT * FROM gj_integrity_actual();
$$;

CREATE FUNCTION gj_integrity_problems() RETURNS SETOF text LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT CASE e.kind
           WHEN 'rls' THEN format('表 %s 未启用行级安全 (row-level security off)', e.tbl)
           WHEN 'policy' THEN format('表 %s 缺少策略 %s (policy missing)', e.tbl, e.name)
           WHEN 'trigger' THEN format('表 %s 缺少触发器 %s (trigger missing)', e.tbl, e.name)
           WHEN 'grant' THEN format('角色 gongjian_app 缺少表 %s 的 %s 权限 (grant missing)', e.tbl, e.name)
           ELSE format('缺少函数 %s (function missing)', e.name)
         END
    FROM (SELECT * FROM gj_integrity_expected EXCEPT SELECT * FROM gj_integrity_actual()) e
   ORDER BY e.kind, e.tbl, e.name
$$;
