-- Receiving a member moves their file through the function people publishes
-- (gj_move_person), not by writing people's table; which organizations the
-- caller administers is read from orgs' published org_labels.
CREATE OR REPLACE FUNCTION gj_receive_transfer(t_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE t transfers;
BEGIN
  SELECT * INTO t FROM transfers
   WHERE id = t_id AND status = 'approved' AND to_org_id IS NOT NULL
     AND to_org_id IN (SELECT id FROM org_labels WHERE path <@ ANY (gj_admin_paths()));
  IF NOT FOUND THEN
    RAISE EXCEPTION 'transfer % cannot be received by this caller', t_id USING ERRCODE = '42501';
  END IF;
  PERFORM gj_move_person(t.person_id, t.to_org_id);
  UPDATE transfers SET status = 'done', done_on = current_date WHERE id = t_id;
END $$;
