-- What other modules may read of an account (DEVELOPERS.md, "Module
-- boundaries"): its name and who manages it, never its password or sign-in
-- counters. The reader's row-level security applies (security_invoker), as if
-- it read users.
CREATE VIEW user_labels WITH (security_invoker = true) AS
  SELECT region_id, id, org_id, username, display_name FROM users;
GRANT SELECT ON user_labels TO gongjian_app;
