-- What commitments reads of venue sharing (阵地共享) to find a unit's
-- fulfilment: the approved bookings of the unit's venues in a span, by
-- venue name and day, never the booker. Published by resources; it runs with
-- the caller's rights, so row-level security limits it to what they see.
CREATE FUNCTION gj_unit_venue_use(unit_ids bigint[], from_day date, to_day date)
RETURNS TABLE (id bigint, unit_id bigint, resource_id bigint, venue_name text, starts_at timestamptz, purpose text)
LANGUAGE sql STABLE AS $$
  SELECT b.id, v.unit_id, v.resource_id, r.name, lower(b.during), b.purpose
    FROM venue_bookings b JOIN venues v ON v.id = b.venue_id JOIN resources r ON r.id = v.resource_id
   WHERE v.unit_id = ANY (unit_ids) AND b.status = 'approved'
     AND lower(b.during) >= from_day::timestamptz AND lower(b.during) < (to_day + 1)::timestamptz
$$;
