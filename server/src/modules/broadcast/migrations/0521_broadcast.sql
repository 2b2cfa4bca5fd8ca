-- The alliance broadcast (党建联盟平台): subscriptions of an organization
-- or a person to kinds of events (kernel migration 0520), each to one
-- channel (a 企业微信, 钉钉 or 飞书 group robot, email, SMS; in-app is the
-- events list itself), and the deliveries made for them. A delivery is
-- made in the same transaction as its event and sent by the job runner
-- (task broadcast.deliver), never by the request.

CREATE TABLE broadcast_subscriptions (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  -- A person's own subscription (their email or phone); null for the organization's (a group robot).
  user_id bigint,
  channel text NOT NULL CHECK (channel IN ('wecom', 'dingtalk', 'feishu', 'email', 'sms')),
  name text NOT NULL CHECK (btrim(name) <> ''),
  -- The webhook address (its key is part of it), email address or phone: encrypted, never shown again.
  target_enc text NOT NULL,
  -- What the page shows of it: the host, or a masked address.
  target_hint text NOT NULL,
  -- 钉钉's and 飞书's signing secret: encrypted, never shown again.
  secret_enc text,
  kinds text[] NOT NULL CHECK (cardinality(kinds) > 0),
  mode text NOT NULL DEFAULT 'immediate' CHECK (mode IN ('immediate', 'daily', 'weekly')),
  -- Minutes of the region's day; a message due inside waits until they end.
  quiet_from smallint CHECK (quiet_from BETWEEN 0 AND 1439),
  quiet_to smallint CHECK (quiet_to BETWEEN 0 AND 1439),
  active boolean NOT NULL DEFAULT true,
  -- Set when the person unsubscribed: only they may turn it on again.
  unsubscribed_at timestamptz,
  -- The next digest covers the events from here.
  digest_from timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT broadcast_subscriptions_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT broadcast_subscriptions_quiet CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);
CREATE INDEX broadcast_subscriptions_id ON broadcast_subscriptions (id);
CREATE INDEX broadcast_subscriptions_org ON broadcast_subscriptions (org_id) WHERE active;
CREATE UNIQUE INDEX broadcast_subscriptions_name_key ON broadcast_subscriptions (region_id, org_id, name) WHERE user_id IS NULL;
SELECT gj_protect_table('broadcast_subscriptions', 'org_id', owner_col => 'user_id', owner_writes => true, masked => '{target_hint}');

CREATE TABLE broadcast_deliveries (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  user_id bigint,
  subscription_id bigint NOT NULL,
  -- One event, or a digest of the subscription's events in [digest_from, digest_to).
  event_id bigint,
  digest_from timestamptz,
  digest_to timestamptz,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'retrying', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT broadcast_deliveries_subscription_fkey FOREIGN KEY (region_id, subscription_id) REFERENCES broadcast_subscriptions (region_id, id) ON DELETE CASCADE,
  CONSTRAINT broadcast_deliveries_what CHECK ((event_id IS NULL) = (digest_from IS NOT NULL))
);
CREATE INDEX broadcast_deliveries_id ON broadcast_deliveries (id);
CREATE INDEX broadcast_deliveries_subscription ON broadcast_deliveries (subscription_id, id DESC);
SELECT gj_protect_table('broadcast_deliveries', 'org_id', owner_col => 'user_id', read_only => true);

-- Each event reaches the immediate subscriptions of its organization and
-- those above it (a person's only when it names them), as a delivery and a
-- job, in the event's transaction.
CREATE FUNCTION gj_broadcast_fan_out() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
    RETURNING id
  )
  SELECT count(gj_enqueue_job('broadcast.deliver', jsonb_build_object('deliveryId', made.id))) INTO n FROM made;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_broadcast_fan_out AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION gj_broadcast_fan_out();

-- What the delivery task sends, read in the empty scope (the job runner's):
-- the channel, its sealed target and secret, and the events, by title only.
CREATE FUNCTION gj_broadcast_delivery(p_id bigint)
RETURNS TABLE (status text, channel text, target_enc text, secret_enc text, active boolean, quiet_from smallint, quiet_to smallint,
               org_name text, digest boolean, items jsonb)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF gj_user_id() IS NOT NULL THEN RAISE EXCEPTION 'deliveries are read by the job runner' USING ERRCODE = '42501'; END IF;
  RETURN QUERY
  SELECT d.status, s.channel, s.target_enc, s.secret_enc, s.active, s.quiet_from, s.quiet_to, o.name, d.event_id IS NULL,
         coalesce((SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'title', e.title, 'at', e.at, 'orgName', eo.name) ORDER BY e.at, e.id)
                     FROM events e JOIN org_labels eo ON eo.id = e.org_id JOIN org_labels so ON so.id = s.org_id
                    WHERE CASE WHEN d.event_id IS NOT NULL THEN e.id = d.event_id
                               ELSE e.at >= d.digest_from AND e.at < d.digest_to AND e.kind = ANY (s.kinds) AND eo.path <@ so.path
                                    AND (s.user_id IS NULL OR e.user_id = s.user_id) END), '[]')
    FROM broadcast_deliveries d JOIN broadcast_subscriptions s ON s.id = d.subscription_id JOIN org_labels o ON o.id = s.org_id
   WHERE d.id = p_id;
END $$;

CREATE FUNCTION gj_broadcast_delivered(p_id bigint, p_status text, p_error text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF gj_user_id() IS NOT NULL THEN RAISE EXCEPTION 'deliveries are recorded by the job runner' USING ERRCODE = '42501'; END IF;
  UPDATE broadcast_deliveries
     SET status = p_status, last_error = p_error, attempts = attempts + CASE WHEN p_status = 'skipped' THEN 0 ELSE 1 END,
         sent_at = CASE WHEN p_status = 'sent' THEN now() END
   WHERE id = p_id;
END $$;

-- The digests due: for each daily or weekly subscription whose period has
-- passed, one delivery of the period's events (none when there were none).
CREATE FUNCTION gj_broadcast_digests() RETURNS integer
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
    RETURNING id
  )
  SELECT count(gj_enqueue_job('broadcast.deliver', jsonb_build_object('deliveryId', made.id))) INTO n FROM made;
  RETURN n;
END $$;
