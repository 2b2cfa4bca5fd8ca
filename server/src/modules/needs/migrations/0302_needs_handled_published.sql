-- What commitments reads of the needs list to find fulfilment (践诺): the
-- needs a member claimed or a unit handled and that are done, and the
-- outcome of needs a commitment item names. Published by needs; it runs with
-- the caller's rights, so row-level security limits it to what they see.
CREATE FUNCTION gj_needs_handled(user_ids bigint[], unit_ids bigint[], need_ids bigint[], from_day date, to_day date)
RETURNS TABLE (id bigint, org_id bigint, title text, status text, done_at timestamptz, claimer_user_id bigint, handler_unit_id bigint)
LANGUAGE sql STABLE AS $$
  SELECT n.id, n.org_id, n.title, n.status, n.done_at, n.claimer_user_id, n.handler_unit_id FROM needs n
   WHERE (n.claimer_user_id = ANY (user_ids) OR n.handler_unit_id = ANY (unit_ids) OR n.id = ANY (need_ids))
     AND n.status IN ('done', 'checked', 'closed', 'rated')
     AND n.done_at >= from_day::timestamptz AND n.done_at < (to_day + 1)::timestamptz
$$;
