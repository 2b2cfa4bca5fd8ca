-- One-off work belongs to a region: a delivery of 梅河口's event is 梅河口's
-- job, and its error (which may quote a webhook's answer or a record's title)
-- is shown only to that region's district administrators. Periodic jobs run
-- for every region at once and keep no region (NULL); the jobs page shows
-- them without their error text, which the server log keeps.
ALTER TABLE jobs ADD COLUMN region_id bigint;
CREATE INDEX jobs_region ON jobs (region_id, id) WHERE region_id IS NOT NULL;

-- Callers name the region of the work; the old signature goes so that no
-- caller can queue region-less work by leaving it out.
DROP FUNCTION gj_enqueue_job(text, jsonb, timestamptz, integer);
CREATE FUNCTION gj_enqueue_job(p_name text, p_payload jsonb, p_region_id bigint, p_run_at timestamptz DEFAULT now(), p_max_attempts integer DEFAULT 5)
RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO jobs (name, payload, region_id, run_at, max_attempts) VALUES (p_name, p_payload, p_region_id, p_run_at, p_max_attempts) RETURNING id
$$;
REVOKE EXECUTE ON FUNCTION gj_enqueue_job(text, jsonb, bigint, timestamptz, integer) FROM PUBLIC;
