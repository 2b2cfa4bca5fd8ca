-- The needs loop announces its steps as events (kernel migration 0520), in
-- the step's transaction: a micro-wish claimed, a need dispatched to a unit,
-- a need overdue (the sweep). Each names the need's organization, and the
-- unit or person concerned, so they read it as they read the need.
CREATE FUNCTION gj_need_broadcast() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n needs;
BEGIN
  SELECT * INTO n FROM needs WHERE id = NEW.need_id;
  IF TG_TABLE_NAME = 'need_claims' THEN
    PERFORM gj_record_event('need.claimed', n.org_id, NEW.unit_id, NEW.claimer_user_id, 'need', n.id, n.title);
  ELSIF TG_TABLE_NAME = 'need_dispatches' THEN
    PERFORM gj_record_event('need.dispatched', n.org_id, NEW.unit_id, NULL, 'need', n.id, n.title);
  ELSIF NEW.to_status = 'overdue' THEN
    PERFORM gj_record_event('need.overdue', n.org_id, n.handler_unit_id, NULL, 'need', n.id, n.title);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_need_broadcast AFTER INSERT ON need_claims FOR EACH ROW EXECUTE FUNCTION gj_need_broadcast();
CREATE TRIGGER gj_need_broadcast AFTER INSERT ON need_dispatches FOR EACH ROW EXECUTE FUNCTION gj_need_broadcast();
CREATE TRIGGER gj_need_broadcast AFTER INSERT ON need_events FOR EACH ROW WHEN (NEW.to_status = 'overdue') EXECUTE FUNCTION gj_need_broadcast();
