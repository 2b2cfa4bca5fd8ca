-- The audit log (kernel table, written by the gj_audit trigger) is read by
-- admins, for the subtrees they administer.
SELECT gj_protect_table('audit_log', 'org_id', paths_fn => 'gj_admin_paths', read_only => true);
