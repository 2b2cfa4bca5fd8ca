-- A member transferred out of the region (组织关系转出本区域) keeps their file,
-- for the record and the transfer that names it, but is no longer anyone's
-- member here: lists and counts leave them out.
ALTER TABLE people ADD COLUMN left_region_on date;
-- The lists filter on it beside the organization; the covering index keeps answering them alone.
CREATE INDEX people_org_cover_2 ON people (org_id) INCLUDE (unit_id, user_id, is_member, left_region_on);
DROP INDEX people_org_cover;
ALTER INDEX people_org_cover_2 RENAME TO people_org_cover;
