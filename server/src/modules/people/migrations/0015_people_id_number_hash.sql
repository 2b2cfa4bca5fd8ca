-- Bulk merges (census imports) look a batch of people up by blind index alone;
-- the unique key leads with region_id, so without this each batch scanned the
-- table (bench/README.md, census suite).
CREATE INDEX people_id_number_hash ON people (id_number_hash) WHERE id_number_hash IS NOT NULL;
