-- The grid and building a need is in, now that grids and buildings exist
-- (grids module). The organization (org_id) still decides who sees the need;
-- these place it on the grid map.
ALTER TABLE needs
  ADD COLUMN grid_id bigint,
  ADD COLUMN building_id bigint,
  ADD CONSTRAINT needs_grid_fkey FOREIGN KEY (region_id, grid_id) REFERENCES grids (region_id, id),
  ADD CONSTRAINT needs_building_fkey FOREIGN KEY (region_id, building_id) REFERENCES buildings (region_id, id),
  ADD CONSTRAINT needs_building_in_grid CHECK (building_id IS NULL OR grid_id IS NOT NULL);
CREATE INDEX needs_grid ON needs (grid_id) WHERE grid_id IS NOT NULL;
