-- What evaluation reads of dispatch ratings (吹哨报到) to gather each
-- department's yearly table (宽城: the communities' rating of departments
-- counts in the departments' assessment): one row per rated dispatch of the
-- span, with whether it went overdue. Published by needs; it runs with the
-- caller's rights, so row-level security limits it to what they see.
CREATE FUNCTION gj_department_ratings(from_day date, to_day date)
RETURNS TABLE (id bigint, need_id bigint, org_id bigint, unit_id bigint, unit_name text, rating smallint, overdue boolean, rated_at timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT d.id, d.need_id, d.org_id, d.unit_id, d.unit_name, d.rating, d.escalated_at IS NOT NULL, d.rated_at FROM need_dispatches d
   WHERE d.rating IS NOT NULL AND d.rated_at >= from_day::timestamptz AND d.rated_at < (to_day + 1)::timestamptz
$$;
