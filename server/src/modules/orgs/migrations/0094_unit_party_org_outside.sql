-- A unit's own party organization may lie outside this region's tree: a
-- branch of a state enterprise or of a vertically managed bureau belongs to
-- its system's committee, not to the street. Such a unit names it; it is
-- not a unit with hidden members, and it cannot also point into the tree.
ALTER TABLE units
  ADD COLUMN party_org_outside text CHECK (party_org_outside IS NULL OR btrim(party_org_outside) <> ''),
  ADD CONSTRAINT units_one_party_org CHECK (party_org_id IS NULL OR party_org_outside IS NULL);
