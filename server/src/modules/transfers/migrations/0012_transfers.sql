-- Transfers of membership (组织关系接转): requested → approved by the sending
-- side → received by the receiving side (done). A transfer can be returned
-- for revision or withdrawn before it is done. The member stays with the
-- sending organization until the transfer is done. A transfer out of the
-- region names the receiving organization in words and is closed by the
-- sending side when the receipt comes back.
CREATE TABLE transfers (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  person_id bigint NOT NULL,
  from_org_id bigint NOT NULL,
  to_org_id bigint,
  to_outside text,
  member_user_id bigint,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'returned', 'withdrawn', 'done')),
  reason text NOT NULL,
  letter_no text,
  requested_on date NOT NULL DEFAULT current_date,
  approved_on date,
  done_on date,
  last_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT transfers_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT transfers_from_fkey FOREIGN KEY (region_id, from_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT transfers_to_fkey FOREIGN KEY (region_id, to_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT transfers_one_destination CHECK ((to_org_id IS NULL) <> (to_outside IS NULL)),
  CONSTRAINT transfers_not_self CHECK (to_org_id IS DISTINCT FROM from_org_id)
);
CREATE INDEX transfers_id ON transfers (id);
CREATE INDEX transfers_from ON transfers (from_org_id, status);
CREATE INDEX transfers_to ON transfers (to_org_id, status) WHERE to_org_id IS NOT NULL;
CREATE UNIQUE INDEX transfers_open_key ON transfers (region_id, person_id) WHERE status IN ('requested', 'approved', 'returned');
CREATE UNIQUE INDEX transfers_letter_key ON transfers (region_id, letter_no) WHERE letter_no IS NOT NULL;
SELECT gj_protect_table('transfers', 'from_org_id', other_org_col => 'to_org_id', owner_col => 'member_user_id');

-- Receiving a member moves their file into the receiving organization, which
-- the receiving admin cannot otherwise change (it is still the sending
-- side's). This one narrow step runs with the definer's rights, after checking
-- that the transfer is approved and the caller administers the receiving
-- organization. The audit trigger records the caller as the actor.
CREATE FUNCTION gj_receive_transfer(t_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE t transfers;
BEGIN
  SELECT * INTO t FROM transfers
   WHERE id = t_id AND status = 'approved' AND to_org_id IS NOT NULL
     AND to_org_id IN (SELECT id FROM organizations WHERE path <@ ANY (gj_admin_paths()));
  IF NOT FOUND THEN
    RAISE EXCEPTION 'transfer % cannot be received by this caller', t_id USING ERRCODE = '42501';
  END IF;
  UPDATE people SET org_id = t.to_org_id, updated_at = now() WHERE id = t.person_id;
  UPDATE transfers SET status = 'done', done_on = current_date WHERE id = t_id;
END $$;
REVOKE ALL ON FUNCTION gj_receive_transfer(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_receive_transfer(bigint) TO gongjian_app;
