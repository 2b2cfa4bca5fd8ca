-- What points' attendance award reads of an activity (its host, title and
-- day), published by activities so that the award can live in points'
-- migrations without reading activities' table. Only a definer-rights
-- function calls it (the award trigger), so it is granted to nobody.
CREATE FUNCTION gj_activity_heading(activity bigint)
RETURNS TABLE (org_id bigint, title text, starts_at timestamptz) LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT a.org_id, a.title, a.starts_at FROM activities a WHERE a.id = activity
$$;
REVOKE ALL ON FUNCTION gj_activity_heading(bigint) FROM PUBLIC;
