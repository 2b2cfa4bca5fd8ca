-- A series is one per organization and title over any stretch of days: six
-- retried creates of the same open day made six series (six open days a
-- month). Series already doubled keep their records and are told apart by
-- name, so the constraint can hold without losing anything.
UPDATE activity_series s SET title = s.title || '（重复' || d.n || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY region_id, org_id, title ORDER BY id) - 1 AS n FROM activity_series) d
 WHERE d.id = s.id AND d.n > 0
   AND EXISTS (SELECT 1 FROM activity_series o WHERE o.region_id = s.region_id AND o.org_id = s.org_id AND o.title = s.title AND o.id < s.id
                 AND daterange(o.starts_on, o.ends_on, '[]') && daterange(s.starts_on, s.ends_on, '[]'));
ALTER TABLE activity_series ADD CONSTRAINT activity_series_title_key
  EXCLUDE USING gist (region_id WITH =, org_id WITH =, title WITH =, daterange(starts_on, ends_on, '[]') WITH &&);
