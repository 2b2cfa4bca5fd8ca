-- Dual registration (在职党员到社区报到, 双报到): an employed member's unit
-- issues a registration to the community where the member lives; the
-- community accepts it and returns a receipt to the unit; the member picks a
-- service item and states a commitment. The record stays with the unit.
CREATE TABLE report_ins (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- The receiving community.
  org_id bigint NOT NULL,
  -- The issuing unit (its liaison sees and acts on the registration).
  unit_id bigint NOT NULL,
  person_id bigint NOT NULL,
  -- The member's own account, if any: they see their registration.
  member_user_id bigint,
  status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'accepted', 'declined', 'withdrawn')),
  issued_on date NOT NULL DEFAULT current_date,
  note text,
  decided_on date,
  decline_reason text,
  receipt_no text,
  service_item text,
  commitment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT report_ins_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT report_ins_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id),
  CONSTRAINT report_ins_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT report_ins_receipt CHECK ((status = 'accepted') = (receipt_no IS NOT NULL))
);
CREATE INDEX report_ins_id ON report_ins (id);
CREATE INDEX report_ins_org ON report_ins (org_id, status);
CREATE INDEX report_ins_unit ON report_ins (unit_id, status);
CREATE UNIQUE INDEX report_ins_active_key ON report_ins (region_id, person_id) WHERE status IN ('issued', 'accepted');
CREATE UNIQUE INDEX report_ins_receipt_key ON report_ins (region_id, receipt_no) WHERE receipt_no IS NOT NULL;
SELECT gj_protect_table('report_ins', 'org_id', unit_col => 'unit_id', owner_col => 'member_user_id', unit_writes => true, owner_writes => true);

-- The organizations of the caller's regions by name (active ones): what a
-- unit liaison or a member chooses from when the choice crosses their scope.
-- Names of party organizations are public; nothing else is shown.
CREATE FUNCTION gj_org_directory() RETURNS TABLE (id bigint, name text, kind text, parent_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, c.name, c.kind, p.name
    FROM organizations c LEFT JOIN organizations p ON p.id = c.parent_id
   WHERE c.status = 'active'
     AND c.region_id IN (SELECT o.region_id FROM organizations o
                          WHERE o.path <@ ANY (gj_read_paths()) OR o.id = ANY (gj_node_ids())
                             OR o.id IN (SELECT u.org_id FROM units u WHERE u.id = ANY (gj_unit_ids())))
$$;
REVOKE ALL ON FUNCTION gj_org_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_org_directory() TO gongjian_app;

CREATE FUNCTION gj_community_directory() RETURNS TABLE (id bigint, name text, street text)
LANGUAGE sql STABLE AS $$
  SELECT id, name, parent_name FROM gj_org_directory()
   WHERE kind IN ('community_committee', 'comprehensive_committee', 'residential_committee')
$$;
