-- What other modules may read of organizations and units (DEVELOPERS.md,
-- "Module boundaries"): the names and places in the tree that their lists show
-- beside their own rows. The tables stay this module's to change; these views
-- are the promise. security_invoker: the reader's row-level security applies,
-- exactly as if it read the tables.
CREATE VIEW org_labels WITH (security_invoker = true) AS
  SELECT region_id, id, parent_id, path, kind, name, status FROM organizations;
CREATE VIEW unit_labels WITH (security_invoker = true) AS
  SELECT region_id, id, org_id, kind, name FROM units;
GRANT SELECT ON org_labels, unit_labels TO gongjian_app;
