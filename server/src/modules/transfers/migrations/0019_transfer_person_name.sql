-- The receiving side may not read the member's file until it has received
-- them, yet must know whom it receives (the list, the letter). The transfer
-- keeps the name as it was when requested.
ALTER TABLE transfers ADD COLUMN person_name text;
UPDATE transfers t SET person_name = p.name FROM people p WHERE p.id = t.person_id;
