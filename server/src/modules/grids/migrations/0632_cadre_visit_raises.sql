-- A big-visit cadre's visit may raise a suggestion (a need, raised by the
-- needs module's gj_raise_cadre_suggestion). Whether the caller may visit a
-- household on a day is asked once, here, for both: the household lies in an
-- area of one of the caller's own assignments and the day in its campaign.
-- The row is what a need raised at that door carries over (the address and
-- phone sealed, as stored); none when the door is not the caller's that day.
CREATE FUNCTION gj_cadre_visitable(p_household_id bigint, p_visited_on date)
RETURNS TABLE (id bigint, org_id bigint, grid_id bigint, building_id bigint, head_name text, phone_enc text, phone_mask text, address_enc text, address_mask text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT h.id, h.org_id, h.grid_id, h.building_id, h.head_name, h.phone_enc, h.phone_mask, h.address_enc, h.address_mask
    FROM households h
   WHERE h.id = p_household_id AND gj_user_id() IS NOT NULL
     AND EXISTS (SELECT 1 FROM gj_my_campaign_cadres() m
                  WHERE p_visited_on BETWEEN m.starts_on AND m.ends_on
                    AND ((m.area_kind = 'grid' AND m.grid_id = h.grid_id)
                      OR (m.area_kind = 'building' AND m.building_id = h.building_id)
                      OR (m.area_kind = 'households' AND h.id = ANY (m.household_ids))))
$$;
REVOKE ALL ON FUNCTION gj_cadre_visitable(bigint, date) FROM PUBLIC;
-- Only other definer functions (this module's visit, needs' suggestion) call it: a
-- request never reads sealed columns.

-- The visit keeps the need it raised, as a grid worker's visit does.
DROP FUNCTION gj_record_cadre_visit(bigint, date, text, text, text);
CREATE FUNCTION gj_record_cadre_visit(p_household_id bigint, p_visited_on date, p_learned text, p_follow_up text, p_visitor_name text, p_need_id bigint)
RETURNS TABLE (id bigint, grid_id bigint, household_id bigint, household_name text, visitor_name text, visited_on date, learned text, follow_up text, need_id bigint)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO visits AS v (grid_id, org_id, household_id, visitor_user_id, visitor_name, visited_on, learned, follow_up, need_id)
  SELECT h.grid_id, h.org_id, h.id, gj_user_id(), p_visitor_name, p_visited_on, p_learned, p_follow_up, p_need_id
    FROM gj_cadre_visitable(p_household_id, p_visited_on) h
  RETURNING v.id, v.grid_id, v.household_id, (SELECT head_name FROM households WHERE households.id = v.household_id), v.visitor_name, v.visited_on,
            v.learned, v.follow_up, v.need_id
$$;
REVOKE ALL ON FUNCTION gj_record_cadre_visit(bigint, date, text, text, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_record_cadre_visit(bigint, date, text, text, text, bigint) TO gongjian_app;
