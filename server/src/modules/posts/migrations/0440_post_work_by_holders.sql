-- A holder records their own work under the post they hold, from their phone
-- (a patrol walked, a dispute mediated, a service log or a wish they handled).
-- The standard policies let only staff of the post's organization write;
-- this one lets the holder write a row that names their own held seat, and
-- nothing else: not another holder's work, not a post they only claimed.
CREATE POLICY gj_holder_insert ON duty_post_work FOR INSERT TO gongjian_app
  WITH CHECK (holder_user_id = gj_user_id() AND EXISTS (
    SELECT 1 FROM duty_post_seats s
     WHERE s.post_id = duty_post_work.post_id AND s.person_id = duty_post_work.person_id
       AND s.holder_user_id = gj_user_id() AND s.status = 'active'));
