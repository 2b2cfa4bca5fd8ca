-- Where a household is, for the modules that place people in one (a person's
-- residence): this module's published view of its households (DEVELOPERS.md,
-- "Module boundaries"), without the address itself or its blind index. The
-- reader's row-level security applies (security_invoker).
CREATE VIEW household_places WITH (security_invoker = true) AS
  SELECT h.region_id, h.id, h.community_id, c.name AS community_name, h.grid_id, g.name AS grid_name,
         h.building_id, x.name AS building_name, h.entrance, h.room, h.address_mask
    FROM households h JOIN grids g ON g.id = h.grid_id LEFT JOIN buildings x ON x.id = h.building_id
    LEFT JOIN org_labels c ON c.id = h.community_id;
GRANT SELECT ON household_places TO gongjian_app;
