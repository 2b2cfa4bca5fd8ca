-- 大走访: a suggestion a cadre hears at a door of their area is a need of
-- that household (source 'visit'), as a grid worker's visit raises one. The
-- cadre (a reported member, a part-time committee member) holds no grant
-- there, so it is raised here, only for a household grids says the caller may
-- visit that day (gj_cadre_visitable): placed in the household's grid and building, the household
-- the requester, its sealed address and phone carried over as they are
-- (sealed values are not bound to a column). The cadre sees no more of the
-- need than before; those who work the grid take it from there.
CREATE FUNCTION gj_raise_cadre_suggestion(p_household_id bigint, p_visited_on date, p_kind text, p_category text, p_urgency text, p_title text, p_description text)
RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO needs (org_id, kind, source, category, urgency, title, description, requester_name,
                     requester_phone_enc, requester_phone_mask, requester_address_enc, requester_address_mask, grid_id, building_id)
  SELECT h.org_id, p_kind, 'visit', p_category, p_urgency, p_title, p_description, h.head_name,
         h.phone_enc, h.phone_mask, h.address_enc, h.address_mask, h.grid_id, h.building_id
    FROM gj_cadre_visitable(p_household_id, p_visited_on) h
  RETURNING id
$$;
REVOKE ALL ON FUNCTION gj_raise_cadre_suggestion(bigint, date, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_raise_cadre_suggestion(bigint, date, text, text, text, text, text) TO gongjian_app;
