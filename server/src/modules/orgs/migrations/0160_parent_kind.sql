-- The kind of an organization's parent, for the tree rule (ORG_CHILD_KINDS)
-- when a community secretary re-kinds the community they hold: its street is
-- outside their sight, and its kind is all this reveals. The service asks
-- only after reading the organization itself in the caller's scope.
CREATE FUNCTION gj_parent_kind(org bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.kind FROM organizations c JOIN organizations p ON p.region_id = c.region_id AND p.id = c.parent_id
   WHERE c.id = org AND c.region_id IN (SELECT gj_caller_regions())
$$;
