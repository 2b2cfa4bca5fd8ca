-- 大走访: a cadre given an area (a reported member, a part-time committee
-- member) holds no staff grant there, so the households' row-level security
-- shows them nothing. What such a cadre may see and do is published here, by
-- the module that owns the households: the households of an area that lies
-- within one of the caller's own assignments (campaigns publishes those, the
-- caller's only, through gj_my_campaign_cadres()), with what a grid worker
-- sees of them — the head's name and the masked address, never the address,
-- the phone or the blind index — and a visit to one of them. An area the
-- caller was not given yields nothing, whatever is asked.

CREATE FUNCTION gj_cadre_area_households(p_grid_ids bigint[], p_building_ids bigint[], p_household_ids bigint[], p_from date, p_to date)
RETURNS TABLE (
  id bigint, grid_id bigint, grid_name text, building_id bigint, building_name text, entrance int, room text, head_name text,
  size int, address_mask text, tags text[], free_tags text[], last_visited_on date, visited boolean
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT h.id, h.grid_id, g.name, h.building_id, x.name, h.entrance, h.room, h.head_name, h.size, h.address_mask, h.tags, h.free_tags,
         (SELECT max(v.visited_on) FROM visits v WHERE v.household_id = h.id),
         EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.visited_on BETWEEN p_from AND p_to)
    FROM households h JOIN grids g ON g.id = h.grid_id LEFT JOIN buildings x ON x.id = h.building_id
   WHERE (h.grid_id = ANY (p_grid_ids) OR h.building_id = ANY (p_building_ids) OR h.id = ANY (p_household_ids))
     AND EXISTS (SELECT 1 FROM gj_my_campaign_cadres() m
                  WHERE (m.area_kind = 'grid' AND m.grid_id = h.grid_id)
                     OR (m.area_kind = 'building' AND m.building_id = h.building_id)
                     OR (m.area_kind = 'households' AND h.id = ANY (m.household_ids)))
   ORDER BY 14, h.grid_id, x.name, h.entrance, h.room, h.id
   LIMIT 1000
$$;
REVOKE ALL ON FUNCTION gj_cadre_area_households(bigint[], bigint[], bigint[], date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_cadre_area_households(bigint[], bigint[], bigint[], date, date) TO gongjian_app;

-- A visit by a cadre to a household of an area they were given, on a day
-- within that assignment's campaign: the visit row as grids records any other
-- (its grid and organization from the household, the visitor the caller).
-- No row when the household is not the caller's to visit that day.
CREATE FUNCTION gj_record_cadre_visit(p_household_id bigint, p_visited_on date, p_learned text, p_follow_up text, p_visitor_name text)
RETURNS TABLE (id bigint, grid_id bigint, household_id bigint, household_name text, visitor_name text, visited_on date, learned text, follow_up text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO visits AS v (grid_id, org_id, household_id, visitor_user_id, visitor_name, visited_on, learned, follow_up)
  SELECT h.grid_id, h.org_id, h.id, gj_user_id(), p_visitor_name, p_visited_on, p_learned, p_follow_up
    FROM households h
   WHERE h.id = p_household_id AND gj_user_id() IS NOT NULL
     AND EXISTS (SELECT 1 FROM gj_my_campaign_cadres() m
                  WHERE p_visited_on BETWEEN m.starts_on AND m.ends_on
                    AND ((m.area_kind = 'grid' AND m.grid_id = h.grid_id)
                      OR (m.area_kind = 'building' AND m.building_id = h.building_id)
                      OR (m.area_kind = 'households' AND h.id = ANY (m.household_ids))))
  RETURNING v.id, v.grid_id, v.household_id, (SELECT head_name FROM households WHERE households.id = v.household_id), v.visitor_name, v.visited_on, v.learned, v.follow_up
$$;
REVOKE ALL ON FUNCTION gj_record_cadre_visit(bigint, date, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_record_cadre_visit(bigint, date, text, text, text) TO gongjian_app;
