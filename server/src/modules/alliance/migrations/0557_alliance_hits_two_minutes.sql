-- A client's limit counts this minute's requests and the last minute's, not
-- this minute's alone: with a window that starts afresh on the minute, a
-- crawler (or a test) whose burst straddles it got twice the limit through.
CREATE OR REPLACE FUNCTION gj_alliance_hit(p_client text, p_per_minute int) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n int;
BEGIN
  DELETE FROM alliance_page_hits WHERE minute < date_trunc('minute', now()) - interval '2 minutes';
  INSERT INTO alliance_page_hits (client_hash, minute) VALUES (p_client, date_trunc('minute', now()))
    ON CONFLICT (client_hash, minute) DO UPDATE SET hits = alliance_page_hits.hits + 1;
  SELECT sum(hits) INTO n FROM alliance_page_hits
   WHERE client_hash = p_client AND minute >= date_trunc('minute', now()) - interval '1 minute';
  RETURN n <= p_per_minute;
END $$;
