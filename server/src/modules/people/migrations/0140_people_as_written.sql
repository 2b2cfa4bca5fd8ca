-- A person's name is kept as written (罗麗華 stays 罗麗華); the search finds
-- it from Simplified text (罗丽华) through this copy in Simplified
-- characters, kept only where it differs from the name.
ALTER TABLE people ADD COLUMN name_folded text;
CREATE INDEX people_name_folded_trgm ON people USING gin (name_folded gin_trgm_ops) WHERE name_folded IS NOT NULL;

CREATE OR REPLACE FUNCTION gj_people_named(q text) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT id FROM people WHERE name LIKE %L OR name_folded LIKE %L OR name_initials LIKE %L OR name_pinyin LIKE %L',
    '%' || q || '%', '%' || q || '%', q || '%', q || '%');
END $$;

-- Ledgers often know only the month someone joined the Party (2003年6月):
-- the date is then the month's first day and this says that the day is not
-- known, so it is never shown.
ALTER TABLE people ADD COLUMN joined_on_precision text NOT NULL DEFAULT 'day'
  CONSTRAINT people_joined_on_precision CHECK (joined_on_precision IN ('day', 'month'));
ALTER TABLE people ADD CONSTRAINT people_joined_on_month CHECK (joined_on_precision = 'day' OR extract(day FROM joined_on) = 1);
