-- An invited unit's liaison (or an invited seat holder) reads the meeting,
-- its agenda and its resolutions (0340); the agenda papers and the minutes
-- filed with it are theirs to read as well, not the organizers' alone.
-- Writing stays the organizers'.
CREATE POLICY gj_invited_read ON meeting_attachments FOR SELECT TO gongjian_app
  USING (meeting_id IN (SELECT i.meeting_id FROM meeting_invitees i WHERE i.unit_id = ANY (gj_unit_ids()) OR i.user_id = gj_user_id()));
