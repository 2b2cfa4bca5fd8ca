-- A pledge may name a resource of the resources list; the resources table is
-- created after the projects tables, so its key comes here.
ALTER TABLE project_parties ADD CONSTRAINT project_parties_resource_fkey
  FOREIGN KEY (region_id, resource_id) REFERENCES resources (region_id, id);
