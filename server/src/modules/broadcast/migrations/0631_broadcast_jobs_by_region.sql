-- Each delivery's job carries the delivery's region (kernel migration 0630),
-- so the jobs page shows a district administrator their region's deliveries only.

CREATE OR REPLACE FUNCTION gj_broadcast_fan_out() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n integer;
BEGIN
  WITH made AS (
    INSERT INTO broadcast_deliveries (region_id, org_id, user_id, subscription_id, event_id)
    SELECT s.region_id, s.org_id, s.user_id, s.id, NEW.id
      FROM broadcast_subscriptions s
      JOIN org_labels so ON so.id = s.org_id
      JOIN org_labels eo ON eo.id = NEW.org_id
     WHERE s.active AND s.mode = 'immediate' AND NEW.kind = ANY (s.kinds)
       AND eo.path <@ so.path AND (s.user_id IS NULL OR s.user_id = NEW.user_id)
    RETURNING region_id, id
  )
  SELECT count(gj_enqueue_job('broadcast.deliver', jsonb_build_object('deliveryId', made.id), made.region_id)) INTO n FROM made;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION gj_broadcast_digests() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n integer;
BEGIN
  IF gj_user_id() IS NOT NULL THEN RAISE EXCEPTION 'digests are made by the job runner' USING ERRCODE = '42501'; END IF;
  WITH old AS (
    SELECT region_id, id, digest_from AS since FROM broadcast_subscriptions
     WHERE active AND mode <> 'immediate'
       AND digest_from <= now() - CASE mode WHEN 'daily' THEN interval '1 day' ELSE interval '7 days' END
       FOR UPDATE
  ), due AS (
    UPDATE broadcast_subscriptions s SET digest_from = now() FROM old
     WHERE s.region_id = old.region_id AND s.id = old.id
    RETURNING s.region_id, s.id, s.org_id, s.user_id, s.kinds, old.since
  ), made AS (
    INSERT INTO broadcast_deliveries (region_id, org_id, user_id, subscription_id, digest_from, digest_to)
    SELECT due.region_id, due.org_id, due.user_id, due.id, due.since, now()
      FROM due JOIN org_labels so ON so.id = due.org_id
     WHERE EXISTS (SELECT 1 FROM events e JOIN org_labels eo ON eo.id = e.org_id
                    WHERE e.at >= due.since AND e.at < now() AND e.kind = ANY (due.kinds) AND eo.path <@ so.path
                      AND (due.user_id IS NULL OR e.user_id = due.user_id))
    RETURNING region_id, id
  )
  SELECT count(gj_enqueue_job('broadcast.deliver', jsonb_build_object('deliveryId', made.id), made.region_id)) INTO n FROM made;
  RETURN n;
END $$;
