-- Meetings announce, as events (kernel migration 0520) in the same
-- transaction: a meeting called, and a task assigned — to the organization
-- or unit that carries it out, which reads it as it reads the task.
CREATE FUNCTION gj_meeting_broadcast() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'meeting_tasks' THEN
    PERFORM gj_record_event('meeting.task_assigned', coalesce(NEW.assignee_org_id, NEW.org_id), NEW.unit_id, NULL, 'meeting_task', NEW.id, NEW.title);
  ELSE
    PERFORM gj_record_event('meeting.called', NEW.org_id, NULL, NULL, 'meeting', NEW.id, NEW.title);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_meeting_broadcast AFTER INSERT ON meeting_tasks FOR EACH ROW EXECUTE FUNCTION gj_meeting_broadcast();
CREATE TRIGGER gj_meeting_broadcast AFTER INSERT ON meetings FOR EACH ROW EXECUTE FUNCTION gj_meeting_broadcast();
