-- A report-in accepted is announced as an event (kernel migration 0520) in
-- the acceptance's transaction, to the receiving community, the issuing unit
-- and the member; its title is the service item, never the member's name or
-- number.
CREATE FUNCTION gj_report_in_broadcast() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM gj_record_event('reportin.accepted', NEW.org_id, NEW.unit_id, NEW.member_user_id, 'report_in', NEW.id,
                          coalesce(nullif(btrim(NEW.service_item), ''), '党员报到'));
  RETURN NULL;
END $$;
CREATE TRIGGER gj_report_in_broadcast AFTER INSERT OR UPDATE OF status ON report_ins FOR EACH ROW
  WHEN (NEW.status = 'accepted') EXECUTE FUNCTION gj_report_in_broadcast();
