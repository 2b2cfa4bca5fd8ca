-- The scope functions only read transaction settings, which parallel workers
-- receive; marked unsafe (the default) they would rule out parallel plans for
-- every query under row-level security.
ALTER FUNCTION gj_paths(text) PARALLEL SAFE;
ALTER FUNCTION gj_ids(text) PARALLEL SAFE;
ALTER FUNCTION gj_read_paths() PARALLEL SAFE;
ALTER FUNCTION gj_admin_paths() PARALLEL SAFE;
ALTER FUNCTION gj_unit_ids() PARALLEL SAFE;
ALTER FUNCTION gj_node_ids() PARALLEL SAFE;
ALTER FUNCTION gj_user_id() PARALLEL SAFE;
