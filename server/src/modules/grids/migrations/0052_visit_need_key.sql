-- The need a visit raised; the needs table is created after the grids tables,
-- so its key comes here.
ALTER TABLE visits ADD CONSTRAINT visits_need_fkey
  FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id);
