-- Where a person lives: a household registered in a grid (楼栋、单元、门牌).
-- The grid is kept beside the household so the talent pool can find people
-- by the grid they live in without reading households (another module's
-- table, visible only to the grid's workers and the community). A household
-- never moves to another grid, so the pair cannot drift apart; the service
-- sets both from the household.
ALTER TABLE people
  ADD COLUMN household_id bigint,
  ADD COLUMN residence_grid_id bigint,
  ADD CONSTRAINT people_household_fkey FOREIGN KEY (region_id, household_id) REFERENCES households (region_id, id),
  ADD CONSTRAINT people_residence_grid_fkey FOREIGN KEY (region_id, residence_grid_id) REFERENCES grids (region_id, id),
  ADD CONSTRAINT people_residence CHECK ((household_id IS NULL) = (residence_grid_id IS NULL));
CREATE INDEX people_household ON people (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX people_residence_grid ON people (residence_grid_id) WHERE residence_grid_id IS NOT NULL;
