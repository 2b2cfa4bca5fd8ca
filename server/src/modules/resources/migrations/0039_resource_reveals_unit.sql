-- A unit's liaison sees the unit's resources and may reveal a contact phone;
-- the record of that viewing belongs to the unit too, or the liaison could
-- not write it. The table keeps its protection, now with the unit column.
ALTER TABLE resource_reveals
  ADD COLUMN unit_id bigint,
  ADD CONSTRAINT resource_reveals_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id);
DROP POLICY gj_read ON resource_reveals;
DROP POLICY gj_insert ON resource_reveals;
DROP POLICY gj_update ON resource_reveals;
DROP POLICY gj_delete ON resource_reveals;
DROP TRIGGER gj_audit ON resource_reveals;
DROP TRIGGER gj_region ON resource_reveals;
SELECT gj_protect_table('resource_reveals', 'org_id', unit_col => 'unit_id', unit_writes => true);
