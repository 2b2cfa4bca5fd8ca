-- A meeting may invite members by name (a joint committee's members' meeting
-- invites the members of the branches it joins): an invitee is a seat, a
-- unit, or a member, who answers with their own account. Once each.
ALTER TABLE meeting_invitees DROP CONSTRAINT meeting_invitees_one_end;
ALTER TABLE meeting_invitees ADD CONSTRAINT meeting_invitees_one_end
  CHECK (num_nonnulls(seat_id, unit_id) = 1 OR (num_nonnulls(seat_id, unit_id) = 0 AND person_id IS NOT NULL));
CREATE UNIQUE INDEX meeting_invitees_member_key ON meeting_invitees (region_id, meeting_id, person_id) WHERE seat_id IS NULL AND unit_id IS NULL;
