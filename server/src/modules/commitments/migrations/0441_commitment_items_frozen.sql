-- A commitment's items are what was signed: they change while it is a draft,
-- and are frozen once a side has signed (evidence of fulfilment is still
-- added to an item in force). The service refuses it first (not_draft); this
-- holds it for every other writer. Items written in the very transaction that
-- made their commitment are its own first version (the demo's bulk path
-- records commitments already signed, with their items).
CREATE FUNCTION gj_commitment_items_frozen() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE c record;
BEGIN
  SELECT status, created_at INTO c FROM commitments WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.commitment_id ELSE NEW.commitment_id END);
  -- A commitment being deleted takes its items with it.
  IF NOT FOUND OR c.status = 'draft' OR c.created_at = now() THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION 'the items of commitment % are frozen: it is %', (CASE WHEN TG_OP = 'DELETE' THEN OLD.commitment_id ELSE NEW.commitment_id END), c.status
    USING ERRCODE = '23514', CONSTRAINT = 'commitment_items_frozen';
END $$;
CREATE TRIGGER gj_commitment_items_frozen BEFORE INSERT OR DELETE ON commitment_items FOR EACH ROW EXECUTE FUNCTION gj_commitment_items_frozen();
-- An organization's merge moves items with their commitment (ON UPDATE CASCADE): only a change of content is refused.
CREATE TRIGGER gj_commitment_items_frozen_update BEFORE UPDATE ON commitment_items FOR EACH ROW
  WHEN ((OLD.commitment_id, OLD.position, OLD.what, OLD.for_org_id, OLD.beneficiary, OLD.cadence, OLD.due_on, OLD.target, OLD.source,
         OLD.activity_kind, OLD.need_id, OLD.project_id, OLD.resource_id)
        IS DISTINCT FROM (NEW.commitment_id, NEW.position, NEW.what, NEW.for_org_id, NEW.beneficiary, NEW.cadence, NEW.due_on, NEW.target, NEW.source,
         NEW.activity_kind, NEW.need_id, NEW.project_id, NEW.resource_id))
  EXECUTE FUNCTION gj_commitment_items_frozen();
