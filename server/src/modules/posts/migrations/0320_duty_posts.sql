-- 设岗定责 / 认岗: duty posts become a module of their own (posts/owns.ts).
-- A community or a grid publishes a post of a kind with duties and a number
-- of seats; members claim a seat from their phone, staff approve or assign and
-- release; the holders' work is recorded against the post, either as an entry
-- of its own (a dispute mediated) or as a link to a record another module
-- keeps (a need handled, a service log), so that what a post achieved is a
-- count of records, never a typed figure.

-- A post of a community names the community in org_id and no grid; a grid's
-- post names the grid (and follows it through duty_posts_grid_fkey).
ALTER TABLE duty_posts ALTER COLUMN grid_id DROP NOT NULL;
ALTER TABLE duty_posts
  ADD COLUMN kind text NOT NULL DEFAULT 'other' CHECK (kind IN (
    'mediator', 'patrol', 'building_head', 'policy_explainer', 'disability_aid', 'green_care', 'public_opinion', 'science', 'sanitation', 'other')),
  ADD COLUMN seats integer NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 200),
  -- Seats pending or held, kept by gj_post_seat_count: the check below is
  -- what lets exactly one of two claims of the last seat through.
  ADD COLUMN taken integer NOT NULL DEFAULT 0,
  ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  ADD CONSTRAINT duty_posts_seats_left CHECK (taken BETWEEN 0 AND seats),
  ADD CONSTRAINT duty_posts_org_key UNIQUE (region_id, id, org_id);
ALTER TABLE duty_posts ALTER COLUMN kind DROP DEFAULT;
CREATE UNIQUE INDEX duty_posts_community_name_key ON duty_posts (region_id, org_id, name) WHERE grid_id IS NULL;
CREATE INDEX duty_posts_org ON duty_posts (org_id);

-- Seats: one row per claim or assignment, with its outcome. A person holds at
-- most one seat of a post at a time (duty_post_seats_one_each).
CREATE TABLE duty_post_seats (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  post_id bigint NOT NULL,
  person_id bigint NOT NULL,
  -- The holder's own account: they read their seat and its post ("my posts").
  holder_user_id bigint,
  source text NOT NULL CHECK (source IN ('claimed', 'assigned')),
  status text NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'released')),
  claimed_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by text,
  note text,
  PRIMARY KEY (region_id, id),
  CONSTRAINT duty_post_seats_post_fkey FOREIGN KEY (region_id, post_id, org_id) REFERENCES duty_posts (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT duty_post_seats_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT duty_post_seats_start CHECK (source = 'claimed' OR status <> 'pending')
);
CREATE INDEX duty_post_seats_id ON duty_post_seats (id);
CREATE INDEX duty_post_seats_post ON duty_post_seats (post_id);
CREATE INDEX duty_post_seats_holder ON duty_post_seats (holder_user_id) WHERE holder_user_id IS NOT NULL;
CREATE UNIQUE INDEX duty_post_seats_one_each ON duty_post_seats (region_id, post_id, person_id) WHERE status IN ('pending', 'active');
SELECT gj_protect_table('duty_post_seats', 'org_id', owner_col => 'holder_user_id');

-- The holders that grids had recorded, one per post, become held seats.
INSERT INTO duty_post_seats (region_id, org_id, post_id, person_id, holder_user_id, source, status, decided_at)
SELECT d.region_id, d.org_id, d.id, d.person_id, p.user_id, 'assigned', 'active', d.created_at
  FROM duty_posts d LEFT JOIN person_labels p ON p.id = d.person_id
 WHERE d.person_id IS NOT NULL;
ALTER TABLE duty_posts DROP COLUMN person_id;

-- A seat's steps: a claim is approved or rejected, a held seat released.
CREATE FUNCTION gj_post_seat_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status || '>' || NEW.status) = ANY (ARRAY[
      'pending>active', 'pending>rejected', 'active>released']) THEN
    RAISE EXCEPTION 'seat % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'duty_post_seats_transition';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_post_seat_step BEFORE UPDATE ON duty_post_seats FOR EACH ROW EXECUTE FUNCTION gj_post_seat_step();

-- The post's count of taken seats follows its seats. Definer rights: a member
-- claiming a seat cannot write the post, yet the claim takes one of its seats.
-- Two claims of the last seat both update the post's row; the second waits for
-- the first and then fails duty_posts_seats_left, on PostgreSQL as on PGlite.
CREATE FUNCTION gj_post_seat_count() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  was integer := CASE WHEN TG_OP = 'UPDATE' AND OLD.status IN ('pending', 'active') THEN 1 ELSE 0 END;
  now_taken integer := CASE WHEN NEW.status IN ('pending', 'active') THEN 1 ELSE 0 END;
BEGIN
  IF now_taken <> was THEN
    UPDATE duty_posts SET taken = taken + now_taken - was WHERE region_id = NEW.region_id AND id = NEW.post_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER gj_post_seat_count AFTER INSERT OR UPDATE OF status ON duty_post_seats FOR EACH ROW EXECUTE FUNCTION gj_post_seat_count();
UPDATE duty_posts d SET taken = (SELECT count(*) FROM duty_post_seats s WHERE s.post_id = d.id AND s.status IN ('pending', 'active'));

-- Holders read the posts they hold or claimed, wherever the post sits.
CREATE POLICY gj_holder_read ON duty_posts FOR SELECT TO gongjian_app
  USING (id IN (SELECT s.post_id FROM duty_post_seats s WHERE s.holder_user_id = gj_user_id()));

-- Work done under a post: an entry of its own, or a need handled or a service
-- log naming the post. Linked records stay their modules'; this row only says
-- under which post, by whom, and (for a dispute) with how many parties and
-- what outcome.
CREATE TABLE duty_post_work (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  post_id bigint NOT NULL,
  person_id bigint NOT NULL,
  holder_user_id bigint,
  kind text NOT NULL CHECK (kind IN ('dispute', 'patrol', 'visit', 'explain', 'care', 'other')),
  done_on date NOT NULL,
  parties smallint CHECK (parties BETWEEN 2 AND 99),
  outcome text CHECK (outcome IN ('settled', 'partly_settled', 'referred', 'unsettled')),
  note text,
  need_id bigint,
  service_log_id bigint,
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT duty_post_work_post_fkey FOREIGN KEY (region_id, post_id, org_id) REFERENCES duty_posts (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT duty_post_work_person_fkey FOREIGN KEY (region_id, person_id) REFERENCES people (region_id, id),
  CONSTRAINT duty_post_work_need_fkey FOREIGN KEY (region_id, need_id) REFERENCES needs (region_id, id),
  CONSTRAINT duty_post_work_log_fkey FOREIGN KEY (region_id, service_log_id) REFERENCES service_logs (region_id, id),
  CONSTRAINT duty_post_work_one_record CHECK (num_nonnulls(need_id, service_log_id) <= 1),
  CONSTRAINT duty_post_work_dispute CHECK (kind <> 'dispute' OR (parties IS NOT NULL AND outcome IS NOT NULL)),
  CONSTRAINT duty_post_work_outcome CHECK (kind = 'dispute' OR (parties IS NULL AND outcome IS NULL))
);
CREATE INDEX duty_post_work_id ON duty_post_work (id);
CREATE INDEX duty_post_work_post ON duty_post_work (post_id, done_on);
CREATE UNIQUE INDEX duty_post_work_need_key ON duty_post_work (region_id, post_id, need_id) WHERE need_id IS NOT NULL;
CREATE UNIQUE INDEX duty_post_work_log_key ON duty_post_work (region_id, post_id, service_log_id) WHERE service_log_id IS NOT NULL;
SELECT gj_protect_table('duty_post_work', 'org_id', owner_col => 'holder_user_id');

-- Work is recorded for someone who holds the post (a held seat, not a claim).
CREATE FUNCTION gj_post_work_holder() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM duty_post_seats s WHERE s.post_id = NEW.post_id AND s.person_id = NEW.person_id AND s.status = 'active') THEN
    RAISE EXCEPTION 'person % holds no seat of post %', NEW.person_id, NEW.post_id USING ERRCODE = '23514', CONSTRAINT = 'duty_post_work_holder';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_post_work_holder BEFORE INSERT ON duty_post_work FOR EACH ROW EXECUTE FUNCTION gj_post_work_holder();

-- What grids shows of its posts on the printable cards: each post of a grid
-- with its holders. security_invoker: the reader's row-level security applies.
CREATE VIEW duty_post_holders WITH (security_invoker = true) AS
  SELECT d.region_id, d.id AS post_id, d.grid_id, d.org_id, d.name, s.person_id
    FROM duty_posts d LEFT JOIN duty_post_seats s ON s.post_id = d.id AND s.status = 'active';
GRANT SELECT ON duty_post_holders TO gongjian_app;

-- The posts a member may claim: the open posts of the caller's community
-- (gj_claim_reach, where needs lets them claim wishes too), whatever the grid.
-- Definer rights: a member sees only their own node of the tree, not the
-- community's posts. Names and counts only; who holds a seat is not shown.
CREATE FUNCTION gj_post_board() RETURNS TABLE (
  id bigint, org_id bigint, org_name text, grid_id bigint, kind text, name text, duty text, seats integer, taken integer, status text, mine boolean
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT d.id, d.org_id, o.name, d.grid_id, d.kind, d.name, d.duty, d.seats, d.taken, d.status,
         EXISTS (SELECT 1 FROM duty_post_seats s WHERE s.post_id = d.id AND s.holder_user_id = gj_user_id() AND s.status IN ('pending', 'active'))
    FROM duty_posts d JOIN org_labels o ON o.id = d.org_id
   WHERE o.path <@ ANY (gj_claim_reach())
$$;
REVOKE ALL ON FUNCTION gj_post_board() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_post_board() TO gongjian_app;

-- A member claims a seat for their own person file. The reach and the open
-- status are checked here; one seat each and the count by the constraints.
CREATE FUNCTION gj_claim_post(p_post bigint, p_person bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE b record; seat_id bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM person_labels p WHERE p.id = p_person AND p.user_id = gj_user_id() AND p.is_member) THEN
    RAISE EXCEPTION 'person % is not the caller''s member file', p_person USING ERRCODE = '42501';
  END IF;
  SELECT * INTO b FROM gj_post_board() x WHERE x.id = p_post;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'post % is outside the caller''s community', p_post USING ERRCODE = '42501', CONSTRAINT = 'duty_posts_reach';
  END IF;
  IF b.status <> 'open' THEN
    RAISE EXCEPTION 'post % is closed', p_post USING ERRCODE = '23514', CONSTRAINT = 'duty_posts_open';
  END IF;
  INSERT INTO duty_post_seats (org_id, post_id, person_id, holder_user_id, source, status)
  VALUES (b.org_id, b.id, p_person, gj_user_id(), 'claimed', 'pending')
  RETURNING id INTO seat_id;
  RETURN seat_id;
END $$;
REVOKE ALL ON FUNCTION gj_claim_post(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_claim_post(bigint, bigint) TO gongjian_app;
