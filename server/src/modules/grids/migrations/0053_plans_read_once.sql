-- The "read from below" policies of visit plans and base maps called
-- gj_read_ancestor_ids() once per row: a grid worker's due list spent most of
-- its time there on a province's plans (bench/README.md). As a scalar
-- subquery it becomes an InitPlan, computed once per statement.
DROP POLICY gj_read_from_below ON visit_plans;
CREATE POLICY gj_read_from_below ON visit_plans FOR SELECT TO gongjian_app USING (org_id = ANY ((SELECT gj_read_ancestor_ids())::bigint[]));
DROP POLICY gj_read_from_below ON grid_base_maps;
CREATE POLICY gj_read_from_below ON grid_base_maps FOR SELECT TO gongjian_app USING (org_id = ANY ((SELECT gj_read_ancestor_ids())::bigint[]));
