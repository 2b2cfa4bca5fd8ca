-- Activities announce, as events (kernel migration 0520) in the same
-- transaction: one published (a series announces itself once, not each of
-- the occurrences its generator makes) and one cancelled.
CREATE FUNCTION gj_activity_broadcast() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'activity_series' THEN
    PERFORM gj_record_event('activity.published', NEW.org_id, NULL, NULL, 'activity_series', NEW.id, NEW.title);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM gj_record_event('activity.published', NEW.org_id, NEW.unit_id, NULL, 'activity', NEW.id, NEW.title);
  ELSE
    PERFORM gj_record_event('activity.cancelled', NEW.org_id, NEW.unit_id, NULL, 'activity', NEW.id, NEW.title);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_activity_broadcast AFTER INSERT ON activities FOR EACH ROW
  WHEN (NEW.series_id IS NULL) EXECUTE FUNCTION gj_activity_broadcast();
CREATE TRIGGER gj_activity_cancelled_broadcast AFTER UPDATE OF status ON activities FOR EACH ROW
  WHEN (NEW.status = 'cancelled' AND OLD.status IS DISTINCT FROM 'cancelled') EXECUTE FUNCTION gj_activity_broadcast();
CREATE TRIGGER gj_activity_broadcast AFTER INSERT ON activity_series FOR EACH ROW EXECUTE FUNCTION gj_activity_broadcast();
