-- What evaluation reads of duty posts for a member's year (设岗定责 in the
-- year-end evaluation): the work each person recorded under each post in a
-- span, counted per post. Published by posts; it runs with the caller's
-- rights, so row-level security limits it to what they see.
CREATE FUNCTION gj_post_work_of(person_ids bigint[], from_day date, to_day date)
RETURNS TABLE (person_id bigint, post_id bigint, post_name text, entries int)
LANGUAGE sql STABLE AS $$
  SELECT w.person_id, w.post_id, d.name, count(*)::int FROM duty_post_work w JOIN duty_posts d ON d.id = w.post_id
   WHERE w.person_id = ANY (person_ids) AND w.done_on BETWEEN from_day AND to_day
   GROUP BY w.person_id, w.post_id, d.name
$$;
