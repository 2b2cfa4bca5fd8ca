-- The row-level-security check reads org_id, unit_id and user_id; with them in
-- the index it is answered without visiting the table (bench/README.md).
CREATE INDEX people_org_cover ON people (org_id) INCLUDE (unit_id, user_id, is_member);
DROP INDEX people_org;
