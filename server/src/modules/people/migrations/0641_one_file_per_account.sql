-- An account is one person: it acts as the member or resident its file says,
-- so no two files may share it. Held by the database, since the file already
-- tied to an account may lie outside the subtree of whoever ties it again.
CREATE UNIQUE INDEX people_one_file_per_account ON people (region_id, user_id) WHERE user_id IS NOT NULL;
