-- A party's pledge can name the resource it comes from in the resources list
-- (resources module), so the list shows where its resources are committed.
-- The resources table is created by a later migration (0037), so the foreign
-- key (region_id, resource_id) → resources cannot be declared here; the
-- service checks the resource, and the key is to be added by a migration
-- numbered after 0037.
ALTER TABLE project_parties ADD COLUMN resource_id bigint;
CREATE INDEX project_parties_resource ON project_parties (resource_id) WHERE resource_id IS NOT NULL;
