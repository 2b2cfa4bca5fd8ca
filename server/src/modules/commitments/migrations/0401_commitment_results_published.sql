-- What evaluation reads of the commitment cycle for a year: per commitment
-- of the year's windows, its report, the items the report found fulfilled
-- (from the records it froze when submitted: fulfilment is never typed) and
-- the ratings by the rater's role. Members by person, units by community.
-- Published by commitments; it runs with the caller's rights, so row-level
-- security limits it to what they see (the ratings by role to the
-- community's staff, who read every rating; the tally on the report is the
-- total anyone reading the report sees).
CREATE FUNCTION gj_commitment_results(p_year int, person_ids bigint[], org_ids bigint[])
RETURNS TABLE (
  commitment_id bigint, report_id bigint, org_id bigint, kind text, person_id bigint, unit_id bigint, party_name text, report_status text,
  items int, fulfilled int, satisfied int, basically int, dissatisfied int,
  peer_satisfied int, peer_basically int, peer_dissatisfied int, resident_satisfied int, resident_basically int, resident_dissatisfied int
) LANGUAGE sql STABLE AS $$
  SELECT c.id, r.id, c.org_id, c.kind, c.person_id, c.unit_id, c.party_name, r.status,
         (SELECT count(*)::int FROM commitment_items i WHERE i.commitment_id = c.id),
         CASE WHEN r.findings IS NOT NULL THEN
           (SELECT count(*)::int FROM jsonb_array_elements(r.findings) f WHERE f ->> 'progress' IN ('fulfilled', 'evidenced')) END,
         r.satisfied, r.basically, r.dissatisfied,
         g.peer_satisfied, g.peer_basically, g.peer_dissatisfied, g.resident_satisfied, g.resident_basically, g.resident_dissatisfied
    FROM commitments c
    JOIN commitment_reports r ON r.commitment_id = c.id
    JOIN commitment_windows w ON w.id = r.window_id AND w.year = p_year
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE rater_role = 'peer' AND grade = 'satisfied')::int AS peer_satisfied,
             count(*) FILTER (WHERE rater_role = 'peer' AND grade = 'basically')::int AS peer_basically,
             count(*) FILTER (WHERE rater_role = 'peer' AND grade = 'dissatisfied')::int AS peer_dissatisfied,
             count(*) FILTER (WHERE rater_role = 'resident' AND grade = 'satisfied')::int AS resident_satisfied,
             count(*) FILTER (WHERE rater_role = 'resident' AND grade = 'basically')::int AS resident_basically,
             count(*) FILTER (WHERE rater_role = 'resident' AND grade = 'dissatisfied')::int AS resident_dissatisfied
        FROM commitment_ratings x WHERE x.report_id = r.id
    ) g ON true
   WHERE c.person_id = ANY (person_ids) OR c.org_id = ANY (org_ids)
$$;
