-- Name search over row-level security: LIKE is not leakproof, so under the
-- people policy PostgreSQL may not use the name indexes (trigram on name,
-- prefix on the pinyin keys) and reads every person the caller may see —
-- 3 s for a district of 10^6 people. This finds the ids whose name matches,
-- with the indexes; the people query then reads those ids under row-level
-- security as before, so it returns nobody the caller could not see. It is
-- not bounded by the caller's regions: the demo loader searches on the
-- system connection, which has none, and the policy is the bound anyway.
-- The pattern is spliced in as a literal so each call is planned for it (a
-- prefix index needs the prefix at plan time).
CREATE FUNCTION gj_people_named(q text) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT id FROM people WHERE name LIKE %L OR name_initials LIKE %L OR name_pinyin LIKE %L',
    '%' || q || '%', q || '%', q || '%');
END $$;
REVOKE ALL ON FUNCTION gj_people_named(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_people_named(text) TO gongjian_app;
