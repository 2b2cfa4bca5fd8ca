-- 联合党委: a member of a branch the joint committee joins is its member too
-- (dual identity), so sees and signs up for its activities open to members,
-- as a reported member does at a community (0093). Sign-up is the member's
-- own row (owner writes); the audience is still checked by the service.
CREATE POLICY gj_joint_members ON activities FOR SELECT TO gongjian_app
  USING ('members' = ANY (audience) AND org_id = ANY ((SELECT gj_my_joint_org_ids())::bigint[]));
